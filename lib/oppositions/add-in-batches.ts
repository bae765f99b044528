import "server-only";
import type pg from "pg";
import { pool } from "@/lib/db/client";
import { TIME_ZONE } from "@/lib/time-zone";
import { FEED_LOCK_KEY } from "./feed-lock";
import type { OppositionSource, OppositionTarget } from "./types";

// The opt-out write path under the feed lock (feed-lock.ts). Every writer holds that lock from the seq it
// allocates until its commit, so the time it holds it bounds how many opt-outs per second the platform
// takes on launch day. Sent as ONE simple-protocol message — BEGIN; lock; one statement that writes the
// feed change, the row in force, the receipt and the daily count; COMMIT — the lock is held for that
// statement and the commit only, never across a round trip to the application (it was about eight).
// Each statement of the message takes its own snapshot (READ COMMITTED), so the write sees every
// opposition committed by the writer that held the lock before it: still one row, one change, one receipt
// for concurrent duplicates. The simple protocol takes no parameters: values are quoted by the driver's
// escapeLiteral, after assertOppositionRequest validated them.

export type LockedAddOutcome = { kind: "in-force"; receiptId: string } | { kind: "added"; receiptId: string };

const SOURCES: readonly OppositionSource[] = ["link", "web", "keyword", "staff"];

function statement(
  client: pg.PoolClient,
  input: { phone: string; target: OppositionTarget; source: OppositionSource; verified: boolean; receiptId: string },
): string {
  if (!SOURCES.includes(input.source)) throw new Error(`unknown source ${input.source}`);
  const q = (value: string) => client.escapeLiteral(value);
  const phone = q(input.phone);
  const scope = `${q(input.target.scope)}::"Scope"`;
  const sender = input.target.senderId === null ? "NULL::int" : `${Math.trunc(input.target.senderId)}::int`;
  const source = `${q(input.source)}::"OppositionSource"`;
  const receipt = q(input.receiptId);
  return `
    WITH existing AS (
      SELECT id, withdrawn_at, receipt_id FROM oppositions
      WHERE phone = ${phone} AND scope = ${scope} AND sender_id IS NOT DISTINCT FROM ${sender} AND canary_provider_id IS NULL
    ), change AS (
      INSERT INTO opposition_changes (op, reason, phone, scope, sender_id, source)
      SELECT 'add', 'opposed', ${phone}, ${scope}, ${sender}, ${source}
      WHERE NOT EXISTS (SELECT 1 FROM existing WHERE withdrawn_at IS NULL)
      RETURNING seq, at
    ), revived AS (
      UPDATE oppositions o SET withdrawn_at = NULL, ended_reason = NULL, created_at = change.at, source = ${source},
             verified = ${input.verified}, last_seq = change.seq, receipt_id = ${receipt}
      FROM change, existing WHERE o.id = existing.id
      RETURNING o.id
    ), created AS (
      INSERT INTO oppositions (phone, scope, sender_id, source, verified, created_at, last_seq, receipt_id)
      SELECT ${phone}, ${scope}, ${sender}, ${source}, ${input.verified}, change.at, change.seq, ${receipt}
      FROM change WHERE NOT EXISTS (SELECT 1 FROM existing)
      RETURNING id
    ), receipt AS (
      INSERT INTO receipts (id, op, opposition_id, phone, scope, sender_id, source, seq, created_at)
      SELECT ${receipt}, 'add', o.id, ${phone}, ${scope}, ${sender}, ${source}, change.seq, change.at
      FROM change, (SELECT id FROM revived UNION ALL SELECT id FROM created) o
      RETURNING id
    ), counted AS (
      INSERT INTO daily_opposition_stats (day, scope, sender_id, source, added, withdrawn)
      SELECT (change.at AT TIME ZONE ${q(TIME_ZONE)})::date, ${scope}, ${sender}, ${source}, 1, 0 FROM change
      ON CONFLICT (day, scope, sender_id, source) DO UPDATE SET added = daily_opposition_stats.added + 1
      RETURNING 1
    )
    SELECT (SELECT receipt_id FROM existing WHERE withdrawn_at IS NULL) AS in_force,
           (SELECT id FROM receipt) AS added,
           (SELECT count(*) FROM counted)::int AS counted`;
}

/** Adds the opposition unless it is in force, in one round trip; returns only after the commit. */
export async function addInOneRoundTrip(input: {
  phone: string;
  target: OppositionTarget;
  source: OppositionSource;
  verified: boolean;
  receiptId: string;
}): Promise<LockedAddOutcome> {
  const client = await pool().connect();
  let broken: Error | undefined;
  try {
    const results = (await client.query(
      `BEGIN; SET LOCAL lock_timeout = '10s'; SELECT pg_advisory_xact_lock(${FEED_LOCK_KEY}::bigint); ${statement(client, input)}; COMMIT`,
    )) as unknown as pg.QueryResult[];
    const row = results[3]!.rows[0] as { in_force: string | null; added: string | null; counted: number };
    if (row.in_force) return { kind: "in-force", receiptId: row.in_force };
    if (!row.added || row.counted !== 1) throw new Error("opposition write incomplete");
    return { kind: "added", receiptId: row.added };
  } catch (error) {
    // A failed statement leaves the transaction aborted (the rest of the message is skipped).
    await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.release(broken);
  }
}
