import "server-only";
import { ensureCanaries } from "@/lib/canaries/ensure-canaries";
import { db } from "@/lib/db/client";
import { problems } from "@/lib/problems";
import { listChanges, type ChangePage } from "@/lib/oppositions/list-changes";

/**
 * One page of a provider's change feed; remembers how far the provider got, for the lag figures. A cursor
 * beyond the head is refused (409 cursor-ahead, docs/protocol.md 1.1): either the feed was restored from
 * a backup and the provider must rebuild, or someone is trying to record progress that was never served.
 */
export async function pullChanges(
  caller: { providerId: number; keyid: string },
  after: bigint,
  limit: number,
): Promise<ChangePage> {
  await ensureCanaries(caller.providerId);
  const page = await listChanges({ providerId: caller.providerId, after, limit });
  if (after > page.head) throw problems.cursorAhead(after, page.head);
  await recordProgress(caller, page.next);
  return page;
}

/**
 * seq_reached only moves forward (a provider re-reading old pages keeps its progress) and never past the
 * feed's head: only what was actually served counts towards compliance. Each forward move is also kept in
 * provider_fetches, with the key that asked, so complaint verdicts can say when change N was fetched.
 */
export async function recordProgress(
  caller: { providerId: number; keyid: string },
  reached: bigint | null,
): Promise<void> {
  await db().$executeRaw`
    WITH before AS (SELECT seq_reached FROM providers WHERE id = ${caller.providerId} FOR UPDATE),
    moved AS (
      UPDATE providers p SET last_pull_at = now(),
        seq_reached = GREATEST(p.seq_reached, LEAST(${reached ?? 0n}::bigint, (SELECT coalesce(max(seq), 0) FROM opposition_changes)))
      FROM before WHERE p.id = ${caller.providerId}
      RETURNING p.seq_reached AS reached, before.seq_reached AS previous)
    INSERT INTO provider_fetches (provider_id, reached, keyid)
    SELECT ${caller.providerId}, reached, ${caller.keyid} FROM moved WHERE reached > previous`;
}
