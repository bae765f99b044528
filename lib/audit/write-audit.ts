import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";

/** Who did it: a signed-in staff member, or an operator at the admin CLI. */
export type Actor = { kind: "staff"; id: number; email: string } | { kind: "cli"; label: string };

export function actorLabel(actor: Actor): string {
  return actor.kind === "staff" ? actor.email : `cli:${actor.label}`;
}

/** Written inside the caller's transaction, so a change never exists without its audit row. */
export async function writeAudit(
  tx: Tx,
  actor: Actor,
  entry: { action: string; targetType: string; targetId?: string | number; before?: unknown; after?: unknown },
): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: actor.kind === "staff" ? actor.id : null,
      actorLabel: actorLabel(actor),
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId === undefined ? null : String(entry.targetId),
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
  });
}

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined) return undefined;
  // BigInt and Date are not JSON: store them as strings.
  return JSON.parse(
    JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v)),
  ) as Prisma.InputJsonValue;
}
