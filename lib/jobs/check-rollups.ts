import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";
import { lockFeed } from "@/lib/oppositions/feed-lock";
import { TIME_ZONE } from "@/lib/time-zone";

// The dashboard, the metrics and the open figures read the daily rollups, kept by the write path in the
// same transaction as each change. This job recounts the last days from the feed itself and repairs any
// rollup row that disagrees (a bug, a manual edit), audited with the before and after of each: figures the
// regulator publishes must match the register. Canary changes are never counted.

export interface RollupCheck {
  days: number;
  rowsChecked: number;
  repaired: {
    day: string;
    scope: string;
    senderId: number | null;
    listSourceId: number | null;
    source: string;
    before: number[];
    after: number[];
  }[];
}

interface Diff {
  day: string;
  scope: string;
  sender_id: number | null;
  list_source_id: number | null;
  source: string;
  added: number;
  withdrawn: number;
  ended: number;
  reinstated: number;
  r_added: number | null;
  r_withdrawn: number | null;
  r_ended: number | null;
  r_reinstated: number | null;
  checked: number;
}

export async function checkRollups(days = 3): Promise<RollupCheck> {
  // Under the feed lock: every writer of changes and rollups holds it, so both are seen at the same point.
  return db().$transaction(async (tx) => {
    await lockFeed(tx);
    // `date AT TIME ZONE` would read the date as a UTC midnight: the local midnight needs the ::timestamp.
    const rows = await tx.$queryRaw<Diff[]>`
      WITH recount AS (
        SELECT (at AT TIME ZONE ${TIME_ZONE})::date AS day, scope, sender_id, list_source_id, source,
               count(*) FILTER (WHERE op = 'add' AND reason = 'opposed')::int AS added,
               count(*) FILTER (WHERE op = 'remove' AND reason = 'withdrawn')::int AS withdrawn,
               count(*) FILTER (WHERE reason = 'number-disconnected')::int AS ended,
               count(*) FILTER (WHERE reason = 'reinstated')::int AS reinstated
        FROM opposition_changes
        WHERE at >= ((now() AT TIME ZONE ${TIME_ZONE})::date - ${days - 1}::int)::timestamp AT TIME ZONE ${TIME_ZONE} AND canary_provider_id IS NULL
        GROUP BY 1, 2, 3, 4, 5),
      stored AS (
        SELECT day, scope, sender_id, list_source_id, source, added, withdrawn, ended, reinstated FROM daily_opposition_stats
        WHERE day >= (now() AT TIME ZONE ${TIME_ZONE})::date - ${days - 1}::int)
      SELECT to_char(coalesce(c.day, s.day), 'YYYY-MM-DD') AS day, coalesce(c.scope, s.scope)::text AS scope, coalesce(c.sender_id, s.sender_id) AS sender_id,
             coalesce(c.list_source_id, s.list_source_id) AS list_source_id, coalesce(c.source, s.source)::text AS source,
             coalesce(c.added, 0) AS added, coalesce(c.withdrawn, 0) AS withdrawn, coalesce(c.ended, 0) AS ended, coalesce(c.reinstated, 0) AS reinstated,
             s.added AS r_added, s.withdrawn AS r_withdrawn, s.ended AS r_ended, s.reinstated AS r_reinstated,
             (count(*) OVER ())::int AS checked
      FROM recount c FULL JOIN stored s ON s.day = c.day AND s.scope = c.scope AND s.sender_id IS NOT DISTINCT FROM c.sender_id
        AND s.list_source_id IS NOT DISTINCT FROM c.list_source_id AND s.source = c.source`;
    const wrong = rows.filter(
      (r) =>
        r.added !== (r.r_added ?? 0) ||
        r.withdrawn !== (r.r_withdrawn ?? 0) ||
        r.ended !== (r.r_ended ?? 0) ||
        r.reinstated !== (r.r_reinstated ?? 0),
    );
    const repaired: RollupCheck["repaired"] = [];
    for (const r of wrong) {
      await tx.$executeRaw`
        INSERT INTO daily_opposition_stats (day, scope, sender_id, list_source_id, source, added, withdrawn, ended, reinstated)
        VALUES (${r.day}::date, ${r.scope}::"Scope", ${r.sender_id}::int, ${r.list_source_id}::int, ${r.source}::"OppositionSource",
                ${r.added}, ${r.withdrawn}, ${r.ended}, ${r.reinstated})
        ON CONFLICT (day, scope, sender_id, list_source_id, source)
        DO UPDATE SET added = EXCLUDED.added, withdrawn = EXCLUDED.withdrawn, ended = EXCLUDED.ended, reinstated = EXCLUDED.reinstated`;
      repaired.push({
        day: r.day,
        scope: r.scope,
        senderId: r.sender_id,
        listSourceId: r.list_source_id,
        source: r.source,
        before: [r.r_added ?? 0, r.r_withdrawn ?? 0, r.r_ended ?? 0, r.r_reinstated ?? 0],
        after: [r.added, r.withdrawn, r.ended, r.reinstated],
      });
    }
    const result = { days, rowsChecked: rows[0]?.checked ?? 0, repaired };
    await writeAudit(
      tx,
      { kind: "cli", label: "rollup-check-job" },
      {
        action: repaired.length ? "rollups.repair" : "rollups.check",
        targetType: "daily_opposition_stats",
        after: result,
      },
    );
    return result;
  });
}
