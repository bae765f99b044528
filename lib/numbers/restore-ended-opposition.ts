import "server-only";
import { writeAudit, type Actor } from "@/lib/audit/write-audit";
import { assertActorMay } from "@/lib/auth/assert-actor-may";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { lockFeed } from "@/lib/oppositions/feed-lock";
import { bumpStats, OPPOSITION_COLUMNS, REINSTATE_WITHIN_DAYS, writeChanges } from "./apply-stored-events";

// A refusal ended by an operator's disconnection comes back when staff say so, within 90 days of its end,
// whatever the operator reported since: the citizen who calls the CNDP is not at an operator's mercy.
// The feed says `reinstated`, as for an operator's reinstatement (the protocol's reasons are fixed); the audit
// row says who restored it. Only while nothing else is in force on the same (number, scope, sender): the row is the same row, so a
// refusal recorded since by the number's new holder has already revived it.

const FIND = `
  CREATE TEMP TABLE restored_now ON COMMIT DROP AS
  SELECT 0::bigint AS event_id, ${OPPOSITION_COLUMNS}
  FROM oppositions o
  WHERE o.id = $1 AND o.ended_reason = 'number-disconnected' AND o.canary_provider_id IS NULL
    AND o.withdrawn_at > now() - make_interval(days => $2)`;

export async function restoreEndedOpposition(actor: Actor, oppositionId: string): Promise<{ phone: string }> {
  await assertActorMay(actor, "admin");
  if (!/^\d{1,18}$/.test(oppositionId)) throw notFound("no such opposition", { id: "numbers.no-ended-opposition" });
  return db().$transaction(async (tx) => {
    await lockFeed(tx);
    const found = await tx.$executeRawUnsafe(FIND, BigInt(oppositionId), REINSTATE_WITHIN_DAYS);
    if (found === 0)
      throw notFound("no opposition ended by a disconnection in the last 90 days", {
        id: "numbers.no-ended-opposition",
      });
    const [row] = await tx.$queryRawUnsafe<{ phone: string }[]>("SELECT phone FROM restored_now");
    await tx.$executeRawUnsafe(
      writeChanges("restored_now", "add", "reinstated", "withdrawn_at = NULL, ended_reason = NULL"),
    );
    await tx.$executeRawUnsafe("SELECT log_complete_bulk_load()");
    await tx.$executeRawUnsafe(bumpStats("restored_now", "reinstated"));
    await writeAudit(tx, actor, {
      action: "opposition.restore",
      targetType: "opposition",
      targetId: oppositionId,
      after: { phone: row!.phone, by: "staff" },
    });
    return { phone: row!.phone };
  });
}
