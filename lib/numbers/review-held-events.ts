import "server-only";
import { writeAudit, type Actor } from "@/lib/audit/write-audit";
import { assertActorMay } from "@/lib/auth/assert-actor-may";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { lockFeed } from "@/lib/oppositions/feed-lock";
import { applyStoredEvents, type RunStatement } from "./apply-stored-events";

// An operator's number events past its daily review threshold wait, held, under one integrity alert. An
// admin approves them (they apply now, as they would have) or rejects them (they never apply); either way
// the alert is closed and the decision audited, in the same transaction.

export type HeldDecision = "approve" | "reject";

export async function reviewHeldNumberEvents(
  actor: Actor,
  alertId: string,
  decision: HeldDecision,
): Promise<{ events: number; ended: number; restored: number }> {
  await assertActorMay(actor, "admin");
  if (!/^\d{1,18}$/.test(alertId)) throw notFound("no such alert", { id: "integrity.no-alert" });
  return db().$transaction(
    async (tx) => {
      await lockFeed(tx);
      const status = decision === "approve" ? "applied" : "rejected";
      const rows = await tx.$queryRaw<{ id: string }[]>`
        UPDATE number_events SET status = ${status} WHERE held_alert_id = ${BigInt(alertId)} AND status = 'held'
        RETURNING id::text`;
      if (rows.length === 0) throw notFound("no held events under this alert", { id: "integrity.no-open-alert" });
      const run: RunStatement = (sql, params = []) => tx.$executeRawUnsafe(sql, ...params);
      const ids = rows.map((r) => r.id);
      const effect = decision === "approve" ? await applyStoredEvents(run, ids) : { ended: 0, restored: 0 };
      await tx.$executeRaw`
        UPDATE integrity_alerts SET reviewed_at = now(), reviewed_by = ${actor.kind === "staff" ? actor.id : null}
        WHERE id = ${BigInt(alertId)}`;
      await writeAudit(tx, actor, {
        action: `number-events.${decision}`,
        targetType: "integrity_alert",
        targetId: alertId,
        after: { events: ids.length, ...effect },
      });
      return { events: ids.length, ...effect };
    },
    { timeout: 120_000 },
  );
}
