import "server-only";
import { pool, preparedName } from "@/lib/db/client";
import type { ChangeOp, ChangeReason, Scope } from "./types";

/** One change as a provider receives it (docs/protocol.md): the JSON PostgreSQL writes for each row. */
export interface FeedChange {
  seq: number;
  op: ChangeOp;
  reason: ChangeReason;
  phone: string;
  scope: Scope;
  sender: string | null;
  /** Only on a `scope: "source"` change (1.2): the list source's code. */
  source?: string;
  /** ISO 8601 in UTC with milliseconds, as JavaScript's toISOString writes it. */
  at: string;
  /** Transparency log position and leaf salt (docs/protocol.md 1.1). */
  index: number;
  salt: string;
}

export interface ChangePage {
  /** The page's changes, each a JSON object (FeedChange), joined with commas: sent as they are. */
  changesJson: string;
  count: number;
  /** Where to resume (`after=next`). When nothing more is pending it is the head, so gaps are skipped. */
  next: bigint;
  more: boolean;
  head: bigint;
}

export const MAX_CHANGES_PAGE = 10_000;

// Each change is written as JSON by PostgreSQL (to_json escapes; to_char gives exactly JavaScript's
// toISOString form), so this process only joins strings: a page of 10 000 parsed into objects and
// serialised again cost several times the query itself (change page p50: docs/performance.md).
const PAGE = `
  SELECT c.seq, '{"seq":' || c.seq || ',"op":"' || c.op::text || '","reason":' || to_json(c.reason)::text
         || ',"phone":' || to_json(c.phone)::text || ',"scope":"' || c.scope::text || '","sender":'
         || COALESCE(to_json(s.code)::text, 'null') || ',"at":"'
         || to_char(c.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '","index":' || c.log_index
         || ',"salt":' || to_json(c.salt)::text
         || COALESCE(',"source":' || to_json(ls.code)::text, '') || '}'
  FROM opposition_changes c LEFT JOIN senders s ON s.id = c.sender_id LEFT JOIN list_sources ls ON ls.id = c.list_source_id
  WHERE c.seq > $1 AND c.seq <= $2
    AND (c.canary_provider_id IS NULL OR c.canary_provider_id = $3)
    AND (c.sender_id IS NULL OR c.sender_id IN (SELECT sender_id FROM provider_senders WHERE provider_id = $3))
  ORDER BY c.seq
  LIMIT $4`;

/**
 * The changes a provider must apply after `after`: every `all` and `source` change (any provider may send
 * for a campaign declaring any source) and the `sender` changes of the senders it is authorised for. The head is read first and the page bounded by it; with the feed lock
 * (see feed-lock.ts) every seq up to the head is committed, so `next = head` skips nothing.
 */
export async function listChanges(input: { providerId: number; after: bigint; limit: number }): Promise<ChangePage> {
  const limit = Math.min(Math.max(1, Math.trunc(input.limit)), MAX_CHANGES_PAGE);
  const headRows = await pool().query<[string | null]>({
    text: "SELECT max(seq) FROM opposition_changes",
    name: preparedName("feed-head"),
    rowMode: "array",
  });
  const head = BigInt(headRows.rows[0]?.[0] ?? 0);
  const { rows } = await pool().query<[seq: string, change: string]>({
    text: PAGE,
    values: [input.after.toString(), head.toString(), input.providerId, limit + 1],
    name: preparedName("feed-page"),
    rowMode: "array",
  });
  const more = rows.length > limit;
  const count = more ? limit : rows.length;
  const changes = new Array<string>(count);
  for (let i = 0; i < count; i++) changes[i] = rows[i]![1];
  const next = more ? BigInt(rows[count - 1]![0]) : head > input.after ? head : input.after;
  return { changesJson: changes.join(","), count, next, more, head };
}

/** The page's changes as objects, for readers in this process (tests, tools). */
export function changesOf(page: ChangePage): FeedChange[] {
  return JSON.parse(`[${page.changesJson}]`) as FeedChange[];
}

/** The page as the API sends it. */
export function changePageJson(page: ChangePage): string {
  return `{"changes":[${page.changesJson}],"next":${page.next},"more":${page.more},"head":${page.head}}`;
}
