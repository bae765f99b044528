import "server-only";
import { db } from "@/lib/db/client";
import type { ChangeOp, ChangeReason, Scope } from "./types";

export interface FeedChange {
  seq: bigint;
  op: ChangeOp;
  reason: ChangeReason;
  phone: string;
  scope: Scope;
  sender: string | null;
  at: Date;
  /** Transparency log position and leaf salt (SYNC-PROTOCOL.md 1.1). */
  index: bigint;
  salt: string;
}

export interface ChangePage {
  changes: FeedChange[];
  /** Where to resume (`after=next`). When nothing more is pending it is the head, so gaps are skipped. */
  next: bigint;
  more: boolean;
  head: bigint;
}

export const MAX_CHANGES_PAGE = 10_000;

/**
 * The changes a provider must apply after `after`: every `all` change and the `sender` changes of the
 * senders it is authorised for. The head is read first and the page bounded by it; with the feed lock
 * (see feed-lock.ts) every seq up to the head is committed, so `next = head` skips nothing.
 */
export async function listChanges(input: { providerId: number; after: bigint; limit: number }): Promise<ChangePage> {
  const limit = Math.min(Math.max(1, Math.trunc(input.limit)), MAX_CHANGES_PAGE);
  const client = db();
  const headRows = await client.$queryRaw<{ head: bigint | null }[]>`SELECT max(seq) AS head FROM opposition_changes`;
  const head = headRows[0]?.head ?? 0n;
  const rows = await client.$queryRaw<FeedChange[]>`
    SELECT c.seq, c.op::text AS op, c.reason, c.phone, c.scope::text AS scope, s.code AS sender, c.at, c.log_index AS index, c.salt
    FROM opposition_changes c LEFT JOIN senders s ON s.id = c.sender_id
    WHERE c.seq > ${input.after} AND c.seq <= ${head}
      AND (c.canary_provider_id IS NULL OR c.canary_provider_id = ${input.providerId})
      AND (c.sender_id IS NULL OR c.sender_id IN (SELECT sender_id FROM provider_senders WHERE provider_id = ${input.providerId}))
    ORDER BY c.seq
    LIMIT ${limit + 1}`;
  const more = rows.length > limit;
  const changes = more ? rows.slice(0, limit) : rows;
  const last = changes.at(-1)?.seq;
  const next = more ? last! : head > input.after ? head : input.after;
  return { changes, next, more, head };
}
