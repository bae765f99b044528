import "server-only";
import { writeAudit, type Actor } from "@/lib/audit/write-audit";
import { assertActorMay } from "@/lib/auth/assert-actor-may";
import { db } from "@/lib/db/client";
import { invalidInput } from "@/lib/errors";
import { parsePhone } from "@/lib/phone/parse-phone";
import { TZ } from "@/lib/db/time-zone-sql";
import { REINSTATE_WITHIN_DAYS } from "./apply-stored-events";

// The staff's view of operators' number events: counts per operator and day for everyone (no number), and
// for admins only a search by number, audited (it tells whether someone's number changed hands).

export interface NumberEventDay {
  day: string;
  operator: string;
  disconnected: number;
  reinstated: number;
  ported: number;
  ended: number;
  restored: number;
}

export async function numberEventsByDay(actor: Actor, days = 30): Promise<NumberEventDay[]> {
  await assertActorMay(actor, "analyst");
  return db().$queryRaw<NumberEventDay[]>`
    SELECT to_char((e.received_at AT TIME ZONE ${TZ})::date, 'YYYY-MM-DD') AS day, p.name AS operator,
           count(*) FILTER (WHERE e.event = 'disconnected')::int AS disconnected,
           count(*) FILTER (WHERE e.event = 'reinstated')::int AS reinstated,
           count(*) FILTER (WHERE e.event = 'ported')::int AS ported,
           coalesce(sum(e.ended), 0)::int AS ended, coalesce(sum(e.restored), 0)::int AS restored
    FROM number_events e JOIN providers p ON p.id = e.provider_id
    WHERE e.received_at >= now() - make_interval(days => ${days})
    GROUP BY 1, 2 ORDER BY 1 DESC, 2`;
}

export interface NumberEventRow {
  event: string;
  at: Date;
  receivedAt: Date;
  operator: string;
  keyid: string;
  ended: number;
  restored: number;
}

export interface EndedOppositionRow {
  id: string;
  scope: "all" | "sender";
  sender: string | null;
  recordedAt: Date;
  endedAt: Date;
}

export async function searchNumberEvents(
  actor: Actor,
  input: string,
  defaultRegion: string,
): Promise<{ phone: string; events: NumberEventRow[]; ended: EndedOppositionRow[] }> {
  await assertActorMay(actor, "admin");
  const parsed = parsePhone(input, defaultRegion);
  if (!parsed.ok) throw invalidInput(`not a valid phone number (${parsed.reason})`);
  return db().$transaction(async (tx) => {
    const events = await tx.$queryRaw<NumberEventRow[]>`
      SELECT e.event, e.at, e.received_at AS "receivedAt", p.name AS operator, e.keyid, e.ended, e.restored
      FROM number_events e JOIN providers p ON p.id = e.provider_id WHERE e.phone = ${parsed.e164} ORDER BY e.at DESC, e.id DESC LIMIT 200`;
    // Refusals an operator's disconnection ended in the last 90 days: staff may restore them.
    const ended = await tx.$queryRaw<EndedOppositionRow[]>`
      SELECT o.id::text AS id, o.scope::text AS scope, s.name AS sender, o.created_at AS "recordedAt", o.withdrawn_at AS "endedAt"
      FROM oppositions o LEFT JOIN senders s ON s.id = o.sender_id
      WHERE o.phone = ${parsed.e164} AND o.ended_reason = 'number-disconnected' AND o.canary_provider_id IS NULL
        AND o.withdrawn_at > now() - make_interval(days => ${REINSTATE_WITHIN_DAYS})
      ORDER BY o.withdrawn_at DESC`;
    await writeAudit(tx, actor, {
      action: "number-events.search",
      targetType: "phone",
      targetId: parsed.e164,
      after: { results: events.length },
    });
    return { phone: parsed.e164, events, ended };
  });
}
