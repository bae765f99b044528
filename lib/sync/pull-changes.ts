import "server-only";
import { db } from "@/lib/db/client";
import { problems } from "@/lib/http/problem";
import { listChanges, type ChangePage } from "@/lib/oppositions/list-changes";

/**
 * One page of a provider's change feed; remembers how far the provider got, for the lag figures. A cursor
 * beyond the head is refused (409 cursor-ahead, SYNC-PROTOCOL.md 1.1): either the feed was restored from
 * a backup and the provider must rebuild, or someone is trying to record progress that was never served.
 */
export async function pullChanges(providerId: number, after: bigint, limit: number): Promise<ChangePage> {
  const page = await listChanges({ providerId, after, limit });
  if (after > page.head) throw problems.cursorAhead(after, page.head);
  await recordProgress(providerId, page.next);
  return page;
}

/**
 * seq_reached only moves forward (a provider re-reading old pages keeps its progress) and never past the
 * feed's head: only what was actually served counts towards compliance.
 */
export async function recordProgress(providerId: number, reached: bigint | null): Promise<void> {
  await db().$executeRaw`
    UPDATE providers SET last_pull_at = now(),
      seq_reached = GREATEST(seq_reached, LEAST(${reached ?? 0n}::bigint, (SELECT coalesce(max(seq), 0) FROM opposition_changes)))
    WHERE id = ${providerId}`;
}
