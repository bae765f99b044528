import "server-only";
import { ensureCanaries } from "@/lib/canaries/ensure-canaries";
import { createHmac, timingSafeEqual } from "node:crypto";
import { pool } from "@/lib/db/client";
import { derivedKey } from "@/lib/signing/derived-key";
import { problems } from "@/lib/problems";
import { ReadAhead } from "./read-ahead";
import { recordProgress } from "./pull-changes";

export interface SnapshotPage {
  /** The whole answer, `{"at":…,"entries":[…],"cursor":…}`, serialized. */
  json: string;
  count: number;
}

interface Cursor {
  at: bigint;
  after: bigint;
}

const MAX_BIGINT = 9_223_372_036_854_775_807n;

// A cursor carries `at` (the feed head the snapshot is consistent with) and the last id served, under a
// MAC that binds both to the provider: finishing a snapshot records `at` as the provider's progress, so a
// forged or borrowed cursor could otherwise fake compliance (an `at` far ahead of the feed).
function cursorMac(providerId: number, at: bigint, after: bigint): string {
  return createHmac("sha256", derivedKey("snapshot-cursor"))
    .update(`${providerId}.${at}.${after}`)
    .digest()
    .subarray(0, 16)
    .toString("base64url");
}

function encodeCursor(providerId: number, cursor: Cursor): string {
  return Buffer.from(`v2.${cursor.at}.${cursor.after}.${cursorMac(providerId, cursor.at, cursor.after)}`).toString(
    "base64url",
  );
}

function decodeCursor(providerId: number, value: string): Cursor {
  const invalid = () =>
    problems.invalidRequest([{ field: "cursor", message: "not a cursor returned by this API to this provider" }]);
  const match = /^v2\.(\d{1,19})\.(\d{1,19})\.([A-Za-z0-9_-]{22})$/.exec(
    Buffer.from(value, "base64url").toString("utf8"),
  );
  if (!match) throw invalid();
  const cursor = { at: BigInt(match[1]!), after: BigInt(match[2]!) };
  if (cursor.at > MAX_BIGINT || cursor.after > MAX_BIGINT) throw invalid();
  const given = Buffer.from(match[3]!, "base64url");
  const expected = Buffer.from(cursorMac(providerId, cursor.at, cursor.after), "base64url");
  // Constant time: a MAC checked byte by byte can be forged byte by byte.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
  return cursor;
}

// Each entry is written as JSON by PostgreSQL (to_json escapes; to_char gives exactly JavaScript's
// toISOString form), so this process only joins strings: at 50 000 entries a page, parsing five columns
// into objects and serializing them again cost more — in CPU and garbage — than the database's own work.
const PAGE = `
  SELECT o.id, '{"phone":' || to_json(o.phone)::text || ',"scope":"' || o.scope::text || '","sender":'
         || COALESCE(to_json(s.code)::text, 'null') || ',"since":"'
         || to_char(o.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"'
         || COALESCE(',"source":' || to_json(ls.code)::text, '') || '}'
  FROM oppositions o LEFT JOIN senders s ON s.id = o.sender_id LEFT JOIN list_sources ls ON ls.id = o.list_source_id
  WHERE o.id > $1 AND o.withdrawn_at IS NULL AND (o.canary_provider_id IS NULL OR o.canary_provider_id = $2)
    AND (o.sender_id IS NULL OR o.sender_id IN (SELECT sender_id FROM provider_senders WHERE provider_id = $2))
  ORDER BY o.id
  LIMIT $3`;

interface PageRead {
  /** The entries, each already JSON, joined with commas. */
  entriesJson: string;
  count: number;
  lastId: bigint | null;
}

async function readPage(providerId: number, after: bigint, limit: number): Promise<PageRead> {
  const { rows } = await pool().query<[id: string, entry: string]>({
    text: PAGE,
    values: [String(after), providerId, limit],
    rowMode: "array",
  });
  const entries = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) entries[i] = rows[i]![1];
  return {
    entriesJson: entries.join(","),
    count: rows.length,
    lastId: rows.length > 0 ? BigInt(rows.at(-1)![0]) : null,
  };
}

// While a provider verifies and stores one page, the next is already being read: the database works on
// one core while this process and the provider work on theirs (see docs/benchmarks.md).
const readAhead = new ReadAhead<PageRead>();
const readAheadKey = (providerId: number, cursor: Cursor, limit: number) => `${providerId}:${cursor.after}:${limit}`;

/**
 * The oppositions in force for a provider, page by page in id order (keyset pagination: never OFFSET,
 * never the whole table in memory). The first page fixes `at`, the feed head; later pages may already
 * include changes made after `at` — and a page read ahead is read a little before it is asked for — which
 * is harmless: replaying changes after `at` converges (every key's last change wins), and the feed lock
 * guarantees every seq ≤ at is committed.
 */
export async function readSnapshot(
  caller: { providerId: number; keyid: string },
  cursorValue: string | undefined,
  limit: number,
): Promise<SnapshotPage> {
  const { providerId } = caller;
  await ensureCanaries(providerId);
  let cursor: Cursor;
  if (cursorValue) cursor = decodeCursor(providerId, cursorValue);
  else {
    const head = await pool().query<[string | null]>({
      text: "SELECT max(seq) FROM opposition_changes",
      rowMode: "array",
    });
    cursor = { at: BigInt(head.rows[0]?.[0] ?? 0), after: 0n };
  }
  const ahead = readAhead.take(readAheadKey(providerId, cursor, limit));
  const page = ahead
    ? await ahead.catch(() => readPage(providerId, cursor.after, limit))
    : await readPage(providerId, cursor.after, limit);
  const done = page.count < limit;
  const next = done ? null : { at: cursor.at, after: page.lastId! };
  if (next) readAhead.start(readAheadKey(providerId, next, limit), () => readPage(providerId, next.after, limit));
  else await recordProgress(caller, cursor.at);
  const nextCursor = next ? JSON.stringify(encodeCursor(providerId, next)) : "null";
  return { json: `{"at":${cursor.at},"entries":[${page.entriesJson}],"cursor":${nextCursor}}`, count: page.count };
}
