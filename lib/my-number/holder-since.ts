import "server-only";
import { db } from "@/lib/db/client";

/**
 * When the number's present holder got it: the last disconnection (not undone by a reinstatement) or port
 * an operator reported, or the epoch. "My number" and its download show only what happened since: a
 * recycled number starts clean, and the earlier holder's records stay for staff under the retention rules.
 */
export async function holderSince(phone: string): Promise<Date> {
  const rows = await db().$queryRaw<{ at: Date | null }[]>`
    SELECT max(e.at) AS at FROM number_events e
    WHERE e.phone = ${phone} AND e.status = 'applied' AND e.event IN ('disconnected', 'ported')
      AND NOT EXISTS (SELECT 1 FROM number_events u WHERE u.undoes = e.id)`;
  return rows[0]?.at ?? new Date(0);
}
