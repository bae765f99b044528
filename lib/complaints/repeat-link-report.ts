import "server-only";
import type { Tx } from "@/lib/db/client";
import type { Verdict } from "./assess-complaint";

/**
 * The same StopSMS link reported again is the same SMS: the existing complaint counts one more report
 * ("reported again (n)"); never a second complaint, verdict, dashboard count or flag. Decided under a lock
 * on the link, so two taps at once make one complaint.
 */
export async function repeatLinkReport(tx: Tx, linkCode: string): Promise<{ id: string; verdict: Verdict } | null> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`complaint-link:${linkCode}`}, 0))`;
  const [existing] = await tx.$queryRaw<{ id: string; verdict: Verdict | null }[]>`
    UPDATE complaints SET reported_times = reported_times + 1, updated_at = now()
    WHERE id = (SELECT id FROM complaints WHERE link_code = ${linkCode} ORDER BY created_at, id LIMIT 1)
    RETURNING id, verdict`;
  return existing ? { id: existing.id, verdict: existing.verdict ?? "undetermined" } : null;
}
