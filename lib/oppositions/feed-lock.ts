import "server-only";
import type { Tx } from "@/lib/db/client";

// Every transaction that appends to opposition_changes takes this lock before allocating a seq and
// holds it until commit. Hence seqs become visible in order: once seq N is readable, no smaller seq
// can still appear, and a provider that stored `next = N` never misses a change.
export const FEED_LOCK_KEY = 727_367_100;

export async function lockFeed(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FEED_LOCK_KEY}::bigint)`;
}
