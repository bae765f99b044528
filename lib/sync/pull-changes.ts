import "server-only";
import { db } from "@/lib/db/client";
import { listChanges, type ChangePage } from "@/lib/oppositions/list-changes";

/** One page of a provider's change feed; remembers how far the provider got, for the lag figures. */
export async function pullChanges(providerId: number, after: bigint, limit: number): Promise<ChangePage> {
  const page = await listChanges({ providerId, after, limit });
  await recordProgress(providerId, page.next);
  return page;
}

/** seq_reached only moves forward: a provider re-reading old pages does not lose its progress. */
export async function recordProgress(providerId: number, reached: bigint | null): Promise<void> {
  await db().$executeRaw`
    UPDATE providers SET last_pull_at = now(), seq_reached = GREATEST(seq_reached, ${reached ?? 0n})
    WHERE id = ${providerId}`;
}
