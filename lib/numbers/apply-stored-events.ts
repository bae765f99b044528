import "server-only";
import { TIME_ZONE } from "@/lib/time-zone";

// What stored number events do to the oppositions, set-based, inside the caller's transaction (which holds
// the feed lock): the API applies a call's events at once, staff apply a held batch when they approve it.
// - disconnected: the oppositions in force recorded before `at` end (feed `remove`, `number-disconnected`);
//   a refusal made after the number changed hands is the new holder's own and stays;
// - reinstated: within 90 days of when that disconnection was recorded (not of its `at`, which the operator
//   chooses), exactly those come back (feed `add`, `reinstated`);
// - ported: the number belongs to the receiving operator from now on.

export const REINSTATE_WITHIN_DAYS = 90;

/** Runs one statement in the caller's transaction; answers its row count. */
export type RunStatement = (sql: string, params?: unknown[]) => Promise<number>;

/** What a temp table of oppositions to end or restore holds of each: everything that names its refusal. */
export const OPPOSITION_COLUMNS = "o.id AS opposition_id, o.phone, o.scope, o.sender_id, o.list_source_id, o.source";

const END_DISCONNECTED = `
  CREATE TEMP TABLE ended_now ON COMMIT DROP AS
  WITH d AS (
    SELECT DISTINCT ON (e.phone) e.id, e.phone, e.at FROM number_events e
    WHERE e.id = ANY($1::bigint[]) AND e.event = 'disconnected' ORDER BY e.phone, e.at, e.id)
  SELECT d.id AS event_id, ${OPPOSITION_COLUMNS}
  FROM d JOIN oppositions o ON o.phone = d.phone AND o.withdrawn_at IS NULL AND o.canary_provider_id IS NULL
  WHERE o.created_at < d.at`;

// The disconnection a reinstatement undoes, found once per number (LATERAL) by the index of disconnections
// by phone and time (migration 20261206020000): a subquery in the join was run twice per number and
// intersected with every disconnection of the last days (11 s for 10 000 numbers at 5 M oppositions).
const FIND_REINSTATED = `
  CREATE TEMP TABLE restored_now ON COMMIT DROP AS
  WITH r AS (
    SELECT DISTINCT ON (e.phone) e.id, e.phone, e.at FROM number_events e
    WHERE e.id = ANY($1::bigint[]) AND e.event = 'reinstated' ORDER BY e.phone, e.at, e.id),
  undo AS (
    SELECT r.id AS event_id, d.id AS disconnection_id
    FROM r CROSS JOIN LATERAL (
      SELECT d.id FROM number_events d
      WHERE d.phone = r.phone AND d.event = 'disconnected' AND d.at <= r.at AND d.status = 'applied'
        AND now() <= d.received_at + make_interval(days => $2)
        AND NOT EXISTS (SELECT 1 FROM number_events u WHERE u.undoes = d.id)
      ORDER BY d.at DESC, d.id DESC LIMIT 1) d)
  SELECT undo.event_id, undo.disconnection_id, ${OPPOSITION_COLUMNS}
  FROM undo JOIN number_event_endings x ON x.event_id = undo.disconnection_id JOIN oppositions o ON o.id = x.opposition_id
  WHERE o.withdrawn_at IS NOT NULL AND o.ended_reason = 'number-disconnected'`;

const PORT = `
  INSERT INTO number_owners (phone, provider_id, since, event_id)
  SELECT DISTINCT ON (e.phone) e.phone, e.to_provider_id, e.at, e.id FROM number_events e
  WHERE e.id = ANY($1::bigint[]) AND e.event = 'ported' ORDER BY e.phone, e.at DESC, e.id DESC
  ON CONFLICT (phone) DO UPDATE SET provider_id = EXCLUDED.provider_id, since = EXCLUDED.since, event_id = EXCLUDED.event_id
  WHERE number_owners.since <= EXCLUDED.since`;

/**
 * The changes for a temp table of oppositions, then the oppositions themselves, in one statement. The
 * changes bring their own log index and salt, so the transparency log is then extended set-based
 * (log_complete_bulk_load, migration 20261124050000) instead of row by row by the trigger. Each change is
 * tied back to its opposition by that log index, so the oppositions are updated by primary key (matching
 * them by phone, scope, sender and list source walked the whole phone index: 6 s for 10 000 reinstated).
 */
export const writeChanges = (table: string, op: "add" | "remove", reason: string, set: string) => `
  WITH base AS (SELECT coalesce((SELECT size FROM log_size WHERE id = 1), 0) AS size),
  src AS MATERIALIZED (
    SELECT t.*, base.size + row_number() OVER (ORDER BY t.event_id, t.opposition_id) - 1 AS log_index
    FROM ${table} t, base),
  ch AS (
    INSERT INTO opposition_changes (op, reason, phone, scope, sender_id, list_source_id, source, log_index, salt)
    SELECT '${op}', '${reason}', src.phone, src.scope, src.sender_id, src.list_source_id, src.source, src.log_index, log_new_salt()
    FROM src ORDER BY src.log_index
    RETURNING seq, at, log_index)
  UPDATE oppositions o SET ${set}, last_seq = ch.seq
  FROM ch JOIN src ON src.log_index = ch.log_index WHERE o.id = src.opposition_id`;

export const bumpStats = (table: string, column: "ended" | "reinstated") => `
  INSERT INTO daily_opposition_stats (day, scope, sender_id, list_source_id, source, ${column})
  SELECT (now() AT TIME ZONE '${TIME_ZONE}')::date, scope, sender_id, list_source_id, source, count(*) FROM ${table}
  GROUP BY scope, sender_id, list_source_id, source
  ON CONFLICT (day, scope, sender_id, list_source_id, source) DO UPDATE SET ${column} = daily_opposition_stats.${column} + EXCLUDED.${column}`;

/** Applies the stored events `ids` (already marked applied); answers what they ended and restored. */
export async function applyStoredEvents(
  run: RunStatement,
  ids: string[],
): Promise<{ ended: number; restored: number }> {
  if (ids.length === 0) return { ended: 0, restored: 0 };
  const ended = await run(END_DISCONNECTED, [ids]);
  if (ended > 0) {
    await run(
      writeChanges(
        "ended_now",
        "remove",
        "number-disconnected",
        "withdrawn_at = ch.at, ended_reason = 'number-disconnected'",
      ),
    );
    await run("SELECT log_complete_bulk_load()");
    await run(
      "INSERT INTO number_event_endings (event_id, opposition_id) SELECT event_id, opposition_id FROM ended_now",
    );
    await run(
      "UPDATE number_events e SET ended = c.n FROM (SELECT event_id, count(*) AS n FROM ended_now GROUP BY event_id) c WHERE e.id = c.event_id",
    );
    await run(bumpStats("ended_now", "ended"));
  }
  await run("DROP TABLE IF EXISTS ended_now");
  const restored = await run(FIND_REINSTATED, [ids, REINSTATE_WITHIN_DAYS]);
  if (restored > 0) {
    await run(writeChanges("restored_now", "add", "reinstated", "withdrawn_at = NULL, ended_reason = NULL"));
    await run("SELECT log_complete_bulk_load()");
    await run(
      "UPDATE number_events e SET undoes = c.disconnection_id, restored = c.n FROM (SELECT event_id, disconnection_id, count(*) AS n FROM restored_now GROUP BY 1, 2) c WHERE e.id = c.event_id",
    );
    await run(bumpStats("restored_now", "reinstated"));
  }
  await run("DROP TABLE IF EXISTS restored_now");
  await run(PORT, [ids]);
  return { ended, restored };
}
