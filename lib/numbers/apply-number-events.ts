import "server-only";
import { pool } from "@/lib/db/client";
import { problems } from "@/lib/http/problem";
import type { PhoneProblem } from "@/lib/phone/parse-phone";
import { parsePhone } from "@/lib/phone/parse-phone";
import { TIME_ZONE } from "@/lib/oppositions/write-change";

// Operators' number events (SYNC-PROTOCOL.md 1.1), applied set-based in one transaction under the feed
// lock: a call of 10 000 events is a handful of statements, not 10 000 round trips.
// - disconnected: every opposition in force on the number ends (feed `remove`, `number-disconnected`);
//   which ones is kept, so that
// - reinstated: within 90 days of that disconnection, exactly those come back (feed `add`, `reinstated`),
//   those still ended (a new subscriber's own refusal since is left as it is);
// - ported: nothing changes; stored and counted.
// Each event is stored once (operator, number, event, time): a replayed batch is accepted without effect.

export const NUMBER_EVENTS = ["disconnected", "reinstated", "ported"] as const;
export type NumberEventKind = (typeof NUMBER_EVENTS)[number];
export const REINSTATE_WITHIN_DAYS = 90;
const FEED_LOCK_KEY = 727_367_100; // lib/oppositions/feed-lock.ts
const CLOCK_SKEW_MS = 5 * 60_000;

export interface NumberEventInput {
  phone: string;
  event: NumberEventKind;
  at: string;
}

export interface NumberEventsResult {
  accepted: number;
  ended: number;
  restored: number;
  invalid: { input: string; reason: PhoneProblem | "future" }[];
}

const END_DISCONNECTED = `
  CREATE TEMP TABLE ended_now ON COMMIT DROP AS
  WITH d AS (
    SELECT DISTINCT ON (e.phone) e.id, e.phone FROM number_events e
    WHERE e.id = ANY($1::bigint[]) AND e.event = 'disconnected' ORDER BY e.phone, e.at, e.id)
  SELECT d.id AS event_id, o.id AS opposition_id, o.phone, o.scope, o.sender_id, o.source
  FROM d JOIN oppositions o ON o.phone = d.phone AND o.withdrawn_at IS NULL AND o.canary_provider_id IS NULL`;

const FIND_REINSTATED = `
  CREATE TEMP TABLE restored_now ON COMMIT DROP AS
  WITH r AS (
    SELECT DISTINCT ON (e.phone) e.id, e.phone, e.at FROM number_events e
    WHERE e.id = ANY($1::bigint[]) AND e.event = 'reinstated' ORDER BY e.phone, e.at, e.id),
  undo AS (
    SELECT r.id AS event_id,
           (SELECT d.id FROM number_events d
            WHERE d.phone = r.phone AND d.event = 'disconnected' AND d.at <= r.at
              AND r.at <= d.at + make_interval(days => $2) AND now() <= d.at + make_interval(days => $2)
              AND NOT EXISTS (SELECT 1 FROM number_events u WHERE u.undoes = d.id)
            ORDER BY d.at DESC, d.id DESC LIMIT 1) AS disconnection_id
    FROM r)
  SELECT undo.event_id, undo.disconnection_id, o.id AS opposition_id, o.phone, o.scope, o.sender_id, o.source
  FROM undo JOIN number_event_endings x ON x.event_id = undo.disconnection_id JOIN oppositions o ON o.id = x.opposition_id
  WHERE o.withdrawn_at IS NOT NULL AND o.ended_reason = 'number-disconnected'`;

/**
 * The changes for a temp table of oppositions, then the oppositions themselves, in one statement. The
 * changes bring their own log index and salt, so the transparency log is then extended set-based
 * (log_complete_bulk_load, migration 20261124050000) instead of row by row by the trigger: 10 000 leaves
 * and their subtree hashes in a few statements rather than 10 000 trigger runs.
 */
const writeChanges = (table: string, op: "add" | "remove", reason: string, set: string) => `
  WITH base AS (SELECT coalesce((SELECT size FROM log_size WHERE id = 1), 0) AS size),
  ch AS (
    INSERT INTO opposition_changes (op, reason, phone, scope, sender_id, source, log_index, salt)
    SELECT '${op}', '${reason}', t.phone, t.scope, t.sender_id, t.source, base.size + row_number() OVER (ORDER BY t.event_id, t.opposition_id) - 1, log_new_salt()
    FROM ${table} t, base ORDER BY t.event_id, t.opposition_id
    RETURNING seq, at, phone, scope, sender_id)
  UPDATE oppositions o SET ${set}, last_seq = ch.seq
  FROM ch WHERE o.phone = ch.phone AND o.scope = ch.scope AND o.sender_id IS NOT DISTINCT FROM ch.sender_id AND o.canary_provider_id IS NULL`;

const bumpStats = (table: string, column: "ended" | "reinstated") => `
  INSERT INTO daily_opposition_stats (day, scope, sender_id, source, ${column})
  SELECT (now() AT TIME ZONE '${TIME_ZONE}')::date, scope, sender_id, source, count(*) FROM ${table} GROUP BY scope, sender_id, source
  ON CONFLICT (day, scope, sender_id, source) DO UPDATE SET ${column} = daily_opposition_stats.${column} + EXCLUDED.${column}`;

export function assertOperator(caller: { providerKind: string }): void {
  if (caller.providerKind !== "operator") throw problems.forbidden("only operators may report number events");
}

export async function applyNumberEvents(
  caller: { providerId: number; keyid: string; providerKind: string },
  events: NumberEventInput[],
  defaultRegion: string,
  now = new Date(),
): Promise<NumberEventsResult> {
  assertOperator(caller);
  const invalid: NumberEventsResult["invalid"] = [];
  const valid: { phone: string; event: NumberEventKind; at: string }[] = [];
  for (const event of events) {
    const parsed = parsePhone(event.phone, defaultRegion);
    if (!parsed.ok) invalid.push({ input: event.phone, reason: parsed.reason });
    else if (Date.parse(event.at) > now.getTime() + CLOCK_SKEW_MS)
      invalid.push({ input: event.phone, reason: "future" });
    else valid.push({ phone: parsed.e164, event: event.event, at: new Date(event.at).toISOString() });
  }
  if (valid.length === 0) return { accepted: 0, ended: 0, restored: 0, invalid };

  const client = await pool().connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [FEED_LOCK_KEY]);
    const inserted = await client.query<{ id: string }>(
      `INSERT INTO number_events (phone, event, at, provider_id, keyid)
       SELECT phone, event, at, $4, $5 FROM unnest($1::text[], $2::text[], $3::timestamptz[]) AS e(phone, event, at)
       ON CONFLICT (provider_id, phone, event, at) DO NOTHING RETURNING id`,
      [valid.map((e) => e.phone), valid.map((e) => e.event), valid.map((e) => e.at), caller.providerId, caller.keyid],
    );
    const ids = inserted.rows.map((r) => r.id);
    let ended = 0;
    let restored = 0;
    if (ids.length > 0) {
      ended = (await client.query(END_DISCONNECTED, [ids])).rowCount ?? 0;
      if (ended > 0) {
        await client.query(
          writeChanges(
            "ended_now",
            "remove",
            "number-disconnected",
            "withdrawn_at = ch.at, ended_reason = 'number-disconnected'",
          ),
        );
        await client.query("SELECT log_complete_bulk_load()");
        await client.query(
          "INSERT INTO number_event_endings (event_id, opposition_id) SELECT event_id, opposition_id FROM ended_now",
        );
        await client.query(
          "UPDATE number_events e SET ended = c.n FROM (SELECT event_id, count(*) AS n FROM ended_now GROUP BY event_id) c WHERE e.id = c.event_id",
        );
        await client.query(bumpStats("ended_now", "ended"));
      }
      restored = (await client.query(FIND_REINSTATED, [ids, REINSTATE_WITHIN_DAYS])).rowCount ?? 0;
      if (restored > 0) {
        await client.query(
          writeChanges("restored_now", "add", "reinstated", "withdrawn_at = NULL, ended_reason = NULL"),
        );
        await client.query("SELECT log_complete_bulk_load()");
        await client.query(
          "UPDATE number_events e SET undoes = c.disconnection_id, restored = c.n FROM (SELECT event_id, disconnection_id, count(*) AS n FROM restored_now GROUP BY 1, 2) c WHERE e.id = c.event_id",
        );
        await client.query(bumpStats("restored_now", "reinstated"));
      }
    }
    await client.query("COMMIT");
    return { accepted: valid.length, ended, restored, invalid };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
