import "server-only";
import type pg from "pg";
import { pool } from "@/lib/db/client";
import { groupWhileInFlight } from "@/lib/db/group-while-in-flight";
import { TIME_ZONE } from "@/lib/time-zone";
import { FEED_LOCK_KEY } from "./feed-lock";
import type { OppositionSource, OppositionTarget } from "./types";

// The opt-out write path under the feed lock (feed-lock.ts). Every writer holds that lock from the seq it
// allocates until its commit, so the time it holds it bounds how many opt-outs per second the platform
// takes on launch day. Two things keep that time short:
// - ONE simple-protocol message per write — BEGIN; lock; one statement that writes the feed changes, the
//   rows in force, the receipts and the daily counts; COMMIT — so the lock is never held across a round
//   trip to the application;
// - group commit (lib/db/group-while-in-flight.ts): while writes are in flight, the opt-outs that arrive
//   wait and go together in the next one (as PostgreSQL groups WAL flushes). One lock, one statement and
//   one commit then serve tens of citizens; an opt-out that arrives when nothing is in flight is written
//   at once, alone.
// Each opt-out keeps its own answer: added (its receipt) or already in force (the receipt in force). Two
// for the same number and target in one batch are answered as if in turn: the first writes, the second
// finds it in force. If a batch fails, each of its opt-outs is written again alone, so one bad request
// (a receipt id that collides) fails only itself.
// Each statement of the message takes its own snapshot (READ COMMITTED), so a write sees every opposition
// committed by the writer that held the lock before it. The simple protocol takes no parameters: values
// are quoted by the driver's escapeLiteral, after assertOppositionRequest validated them.

export interface AddRequest {
  phone: string;
  target: OppositionTarget;
  source: OppositionSource;
  verified: boolean;
  receiptId: string;
  /** The provider whose own traffic recorded it (its STOP relay, a link it minted); null otherwise. */
  viaProviderId?: number | null;
}

export type LockedAddOutcome = { kind: "in-force"; receiptId: string } | { kind: "added"; receiptId: string };

const SOURCES: readonly OppositionSource[] = ["link", "web", "keyword", "staff"];
/** Writes in flight at once: one holds the lock while the next one's message is already on its way. */
const WRITERS = 2;
const MAX_BATCH = 256;

/** Adds the opposition unless it is in force; resolves only after the commit that wrote it. */
export const addOpposition = groupWhileInFlight(writeBatch, { writers: WRITERS, maxBatch: MAX_BATCH });

const keyOf = ({ phone, target }: AddRequest) =>
  `${phone} ${target.scope} ${target.senderId ?? ""} ${target.listSourceId ?? ""}`;

async function writeBatch(batch: AddRequest[]): Promise<PromiseSettledResult<LockedAddOutcome>[]> {
  // The first request for each number and target writes; the others follow its outcome.
  const writerIndex = new Map<string, number>();
  const firsts: number[] = [];
  const writerOf = batch.map((request, i) => {
    const key = keyOf(request);
    let writer = writerIndex.get(key);
    if (writer === undefined) writerIndex.set(key, (writer = firsts.push(i) - 1));
    return writer;
  });
  let outcomes: LockedAddOutcome[];
  try {
    outcomes = await writeInOneRoundTrip(firsts.map((i) => batch[i]!));
  } catch (error) {
    if (firsts.length === 1) return batch.map(() => ({ status: "rejected", reason: error }));
    // One bad request (a receipt id that collides) must fail only itself: each is written again alone.
    return (await Promise.all(batch.map((request) => writeBatch([request])))).flat();
  }
  return batch.map((_, i) => {
    const writer = writerOf[i]!;
    const outcome = outcomes[writer]!;
    const value: LockedAddOutcome = firsts[writer] === i ? outcome : { kind: "in-force", receiptId: outcome.receiptId };
    return { status: "fulfilled", value };
  });
}

function values(client: pg.PoolClient, requests: AddRequest[]): string {
  const q = (value: string) => client.escapeLiteral(value);
  return requests
    .map((input, ord) => {
      if (!SOURCES.includes(input.source)) throw new Error(`unknown source ${input.source}`);
      const sender = input.target.senderId === null ? "NULL" : String(Math.trunc(input.target.senderId));
      const listSource = input.target.listSourceId == null ? "NULL" : String(Math.trunc(input.target.listSourceId));
      const via = input.viaProviderId == null ? "NULL" : String(Math.trunc(input.viaProviderId));
      return `(${ord}, ${q(input.phone)}, ${q(input.target.scope)}::"Scope", ${sender}::int, ${listSource}::int, ${q(input.source)}::"OppositionSource", ${input.verified}, ${q(input.receiptId)}, ${via}::int)`;
    })
    .join(",\n      ");
}

function statement(client: pg.PoolClient, requests: AddRequest[]): string {
  return `
    WITH wanted (ord, phone, scope, sender_id, list_source_id, source, verified, receipt_id, via_provider_id) AS (
      VALUES ${values(client, requests)}
    ), existing AS (
      SELECT w.ord, o.id, o.withdrawn_at, o.receipt_id FROM wanted w JOIN oppositions o
        ON o.phone = w.phone AND o.scope = w.scope AND o.sender_id IS NOT DISTINCT FROM w.sender_id
       AND o.list_source_id IS NOT DISTINCT FROM w.list_source_id AND o.canary_provider_id IS NULL
    ), change AS (
      INSERT INTO opposition_changes (op, reason, phone, scope, sender_id, list_source_id, source)
      SELECT 'add', 'opposed', w.phone, w.scope, w.sender_id, w.list_source_id, w.source FROM wanted w
      WHERE NOT EXISTS (SELECT 1 FROM existing e WHERE e.ord = w.ord AND e.withdrawn_at IS NULL)
      ORDER BY w.ord
      RETURNING seq, at, phone, scope, sender_id, list_source_id
    ), changed AS (
      SELECT w.*, c.seq, c.at FROM change c JOIN wanted w
        ON w.phone = c.phone AND w.scope = c.scope AND w.sender_id IS NOT DISTINCT FROM c.sender_id
       AND w.list_source_id IS NOT DISTINCT FROM c.list_source_id
    ), revived AS (
      UPDATE oppositions o SET withdrawn_at = NULL, ended_reason = NULL, created_at = c.at, source = c.source,
             verified = c.verified, last_seq = c.seq, receipt_id = c.receipt_id, via_provider_id = c.via_provider_id
      FROM changed c JOIN existing e ON e.ord = c.ord WHERE o.id = e.id
      RETURNING o.id, c.ord
    ), created AS (
      INSERT INTO oppositions (phone, scope, sender_id, list_source_id, source, verified, created_at, last_seq, receipt_id, via_provider_id)
      SELECT c.phone, c.scope, c.sender_id, c.list_source_id, c.source, c.verified, c.at, c.seq, c.receipt_id, c.via_provider_id FROM changed c
      WHERE NOT EXISTS (SELECT 1 FROM existing e WHERE e.ord = c.ord)
      RETURNING id, receipt_id
    ), written AS (
      SELECT id, ord FROM revived
      UNION ALL SELECT cr.id, c.ord FROM created cr JOIN changed c ON c.receipt_id = cr.receipt_id
    ), receipt AS (
      INSERT INTO receipts (id, op, opposition_id, phone, scope, sender_id, list_source_id, source, seq, created_at, public_proof)
      SELECT c.receipt_id, 'add', o.id, c.phone, c.scope, c.sender_id, c.list_source_id, c.source, c.seq, c.at, c.verified
      FROM changed c JOIN written o ON o.ord = c.ord
      RETURNING id
    ), counted AS (
      INSERT INTO daily_opposition_stats (day, scope, sender_id, list_source_id, source, added, withdrawn)
      SELECT (c.at AT TIME ZONE ${client.escapeLiteral(TIME_ZONE)})::date, c.scope, c.sender_id, c.list_source_id, c.source, count(*), 0
      FROM changed c GROUP BY 1, 2, 3, 4, 5
      ON CONFLICT (day, scope, sender_id, list_source_id, source) DO UPDATE SET added = daily_opposition_stats.added + EXCLUDED.added
      RETURNING 1
    )
    SELECT w.ord,
           (SELECT e.receipt_id FROM existing e WHERE e.ord = w.ord AND e.withdrawn_at IS NULL) AS in_force,
           (SELECT r.id FROM receipt r WHERE r.id = w.receipt_id) AS added,
           (SELECT count(*) FROM counted)::int AS counted
    FROM wanted w ORDER BY w.ord`;
}

/** Adds each opposition unless it is in force, in one round trip; returns only after the commit. */
async function writeInOneRoundTrip(requests: AddRequest[]): Promise<LockedAddOutcome[]> {
  const client = await pool().connect();
  let broken: Error | undefined;
  try {
    const results = (await client.query(
      `BEGIN; SET LOCAL lock_timeout = '10s'; SELECT pg_advisory_xact_lock(${FEED_LOCK_KEY}::bigint); ${statement(client, requests)}; COMMIT`,
    )) as unknown as pg.QueryResult[];
    const rows = results[3]!.rows as { in_force: string | null; added: string | null; counted: number }[];
    const anyAdded = rows.some((row) => row.added);
    if (rows.length !== requests.length || (anyAdded && rows[0]!.counted < 1))
      throw new Error("opposition write incomplete");
    return rows.map((row) => {
      if (row.in_force) return { kind: "in-force", receiptId: row.in_force };
      if (!row.added) throw new Error("opposition write incomplete");
      return { kind: "added", receiptId: row.added };
    });
  } catch (error) {
    // A failed statement leaves the transaction aborted (the rest of the message is skipped).
    await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.release(broken);
  }
}
