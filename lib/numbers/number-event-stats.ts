import "server-only";
import type { Actor } from "@/lib/audit/write-audit";
import { assertActorMay } from "@/lib/auth/assert-actor-may";
import { db } from "@/lib/db/client";
import { TZ } from "@/lib/db/time-zone-sql";

// The staff's view of operators' number events: counts per operator and day (no number). One number's
// events are on its file (look-up-number.ts).

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
