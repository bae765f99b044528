import "server-only";
import { writeAudit, type Actor } from "@/lib/audit/write-audit";
import { assertActorMay } from "@/lib/auth/assert-actor-may";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { keyidSchema } from "./schemas";

/** Revokes a key at once: the next request signed with it is refused as `unknown-key`. */
export async function revokeProviderKey(actor: Actor, keyid: unknown): Promise<{ revoked: boolean }> {
  await assertActorMay(actor, "admin");
  const id = parseInput(keyidSchema, keyid);
  return db().$transaction(async (tx) => {
    const key = await tx.providerKey.findUnique({ where: { keyid: id } });
    if (!key) throw notFound(`no key ${id}`, { id: "providers.no-key", values: { keyid: id } });
    if (key.revokedAt) return { revoked: false };
    const revokedAt = new Date();
    await tx.providerKey.update({ where: { id: key.id }, data: { revokedAt } });
    await writeAudit(tx, actor, {
      action: "provider.key.revoke",
      targetType: "provider-key",
      targetId: id,
      after: { revokedAt },
    });
    return { revoked: true };
  });
}
