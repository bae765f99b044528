import "server-only";
import { pool } from "@/lib/db/client";
import { problems } from "@/lib/http/problem";
import { isoFromEpochMs } from "./iso-from-epoch-ms";
import { recordProgress } from "./pull-changes";

export interface SnapshotEntry {
  phone: string;
  scope: "all" | "sender";
  sender: string | null;
  since: string;
}

export interface SnapshotPage {
  at: number;
  entries: SnapshotEntry[];
  cursor: string | null;
}

interface Cursor {
  at: bigint;
  after: bigint;
}

const MAX_BIGINT = 9_223_372_036_854_775_807n;

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`v1.${cursor.at}.${cursor.after}`).toString("base64url");
}

function decodeCursor(value: string): Cursor {
  const match = /^v1\.(\d{1,19})\.(\d{1,19})$/.exec(Buffer.from(value, "base64url").toString("utf8"));
  const cursor = match ? { at: BigInt(match[1]!), after: BigInt(match[2]!) } : null;
  if (!cursor || cursor.at > MAX_BIGINT || cursor.after > MAX_BIGINT) throw problems.invalidRequest([{ field: "cursor", message: "not a cursor returned by this API" }]);
  return cursor;
}

// Raw pg, rows as arrays, the timestamp as epoch milliseconds: at 50 000 rows a page, Prisma's per-row
// mapping and Date objects cost more than PostgreSQL's own work.
const PAGE = `
  SELECT o.id, o.phone, o.scope::text, s.code, (extract(epoch FROM o.created_at) * 1000)::int8
  FROM oppositions o LEFT JOIN senders s ON s.id = o.sender_id
  WHERE o.id > $1 AND o.withdrawn_at IS NULL
    AND (o.sender_id IS NULL OR o.sender_id IN (SELECT sender_id FROM provider_senders WHERE provider_id = $2))
  ORDER BY o.id
  LIMIT $3`;

type Row = [id: string, phone: string, scope: "all" | "sender", sender: string | null, sinceMs: string];

/**
 * The oppositions in force for a provider, page by page in id order (keyset pagination: never OFFSET,
 * never the whole table in memory). The first page fixes `at`, the feed head; later pages may already
 * include changes made after `at`, which is harmless: replaying changes after `at` converges (every
 * key's last change wins), and the feed lock guarantees every seq ≤ at is committed.
 */
export async function readSnapshot(providerId: number, cursorValue: string | undefined, limit: number): Promise<SnapshotPage> {
  let cursor: Cursor;
  if (cursorValue) cursor = decodeCursor(cursorValue);
  else {
    const head = await pool().query<[string | null]>({ text: "SELECT max(seq) FROM opposition_changes", rowMode: "array" });
    cursor = { at: BigInt(head.rows[0]?.[0] ?? 0), after: 0n };
  }
  const { rows } = await pool().query<Row>({ text: PAGE, values: [String(cursor.after), providerId, limit], rowMode: "array" });
  const entries = new Array<SnapshotEntry>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const [, phone, scope, sender, sinceMs] = rows[i]!;
    entries[i] = { phone, scope, sender, since: isoFromEpochMs(Number(sinceMs)) };
  }
  const done = rows.length < limit;
  if (done) await recordProgress(providerId, cursor.at);
  return {
    at: Number(cursor.at),
    entries,
    cursor: done ? null : encodeCursor({ at: cursor.at, after: BigInt(rows.at(-1)![0]) }),
  };
}
