import "server-only";
import { db } from "@/lib/db/client";
import { problems } from "@/lib/http/problem";
import { recordProgress } from "./pull-changes";

export interface SnapshotPage {
  at: bigint;
  entries: { phone: string; scope: "all" | "sender"; sender: string | null; since: Date }[];
  cursor: string | null;
}

interface Cursor {
  at: bigint;
  after: bigint;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`v1.${cursor.at}.${cursor.after}`).toString("base64url");
}

function decodeCursor(value: string): Cursor {
  const match = /^v1\.(\d{1,19})\.(\d{1,19})$/.exec(Buffer.from(value, "base64url").toString("utf8"));
  if (!match) throw problems.invalidRequest([{ field: "cursor", message: "not a cursor returned by this API" }]);
  return { at: BigInt(match[1]!), after: BigInt(match[2]!) };
}

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
    const head = await db().$queryRaw<{ head: bigint | null }[]>`SELECT max(seq) AS head FROM opposition_changes`;
    cursor = { at: head[0]?.head ?? 0n, after: 0n };
  }
  const rows = await db().$queryRaw<{ id: bigint; phone: string; scope: "all" | "sender"; sender: string | null; since: Date }[]>`
    SELECT o.id, o.phone, o.scope::text AS scope, s.code AS sender, o.created_at AS since
    FROM oppositions o LEFT JOIN senders s ON s.id = o.sender_id
    WHERE o.id > ${cursor.after} AND o.withdrawn_at IS NULL
      AND (o.sender_id IS NULL OR o.sender_id IN (SELECT sender_id FROM provider_senders WHERE provider_id = ${providerId}))
    ORDER BY o.id
    LIMIT ${limit}`;
  const last = rows.at(-1);
  const done = rows.length < limit;
  if (done) await recordProgress(providerId, cursor.at);
  return {
    at: cursor.at,
    entries: rows.map(({ phone, scope, sender, since }) => ({ phone, scope, sender, since })),
    cursor: done || !last ? null : encodeCursor({ at: cursor.at, after: last.id }),
  };
}
