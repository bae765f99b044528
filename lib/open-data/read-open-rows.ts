import "server-only";
import { db } from "@/lib/db/client";
import { TZ } from "@/lib/db/time-zone-sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { NO_CONSENT_BY_SOURCE_SQL } from "@/lib/sources/campaign-declaration";

// What the open figures of the whole window are computed from, in five grouped queries over the rollups and
// small tables (never an opposition, a phone number or a complaint's text): a few thousand rows for 13 months.

export interface OpenRows {
  rollups: { day: string; source: string; scope: string; added: number; withdrawn: number; net: number }[];
  inForceBefore: { all: number; sender: number };
  complaints: { day: string; verdict: string | null; n: number }[];
  senders: {
    month: string;
    code: string;
    name: string;
    sector: string;
    minted: number;
    refusals: number;
    complaints: number;
    violations: number;
  }[];
  /** Per month and list source (code null: the advertisers' own numbers), for the campaigns declaring it. */
  sources: {
    month: string;
    code: string | null;
    name: string | null;
    kind: string;
    minted: number;
    refusals: number;
    noConsent: number;
  }[];
}

const n = (v: bigint | number | null | undefined) => Number(v ?? 0);

export async function readOpenRows(window: { from: string; to: string }): Promise<OpenRows> {
  const { from, to } = window;
  const [rollups, before, complaints, senders, sources] = await Promise.all([
    db().$queryRaw<{ day: string; source: string; scope: string; added: bigint; withdrawn: bigint; net: bigint }[]>`
      SELECT to_char(day, 'YYYY-MM-DD') AS day, source::text AS source, scope::text AS scope, sum(added) AS added,
             sum(withdrawn) AS withdrawn, sum(added + reinstated - withdrawn - ended) AS net
      FROM daily_opposition_stats WHERE day BETWEEN ${from}::date AND ${to}::date GROUP BY 1, 2, 3`,
    db().$queryRaw<{ all_senders: bigint; one_sender: bigint }[]>`
      SELECT coalesce(sum(added + reinstated - withdrawn - ended) FILTER (WHERE scope = 'all'), 0) AS all_senders,
             coalesce(sum(added + reinstated - withdrawn - ended) FILTER (WHERE scope = 'sender'), 0) AS one_sender
      FROM daily_opposition_stats WHERE day < ${from}::date`,
    db().$queryRaw<{ day: string; verdict: string | null; n: bigint }[]>`
      SELECT to_char((created_at AT TIME ZONE ${TZ})::date, 'YYYY-MM-DD') AS day, verdict, count(*) AS n
      FROM complaints
      WHERE created_at >= (${from}::date::timestamp AT TIME ZONE ${TZ}) AND created_at < ((${to}::date + 1)::timestamp AT TIME ZONE ${TZ})
      GROUP BY 1, 2`,
    db().$queryRaw<
      {
        month: string;
        code: string;
        name: string;
        sector: string;
        minted: bigint;
        refusals: bigint;
        complaints: bigint;
        violations: bigint;
      }[]
    >`
      WITH r AS (SELECT to_char(day, 'YYYY-MM') AS month, sender_id, sum(added) AS refusals FROM daily_opposition_stats
                 WHERE sender_id IS NOT NULL AND day BETWEEN ${from}::date AND ${to}::date GROUP BY 1, 2),
           l AS (SELECT to_char(day, 'YYYY-MM') AS month, sender_id, sum(minted) AS minted FROM daily_link_stats
                 WHERE day BETWEEN ${from}::date AND ${to}::date GROUP BY 1, 2),
           c AS (SELECT to_char((created_at AT TIME ZONE ${TZ})::date, 'YYYY-MM') AS month, sender_id, count(*) AS complaints,
                        count(*) FILTER (WHERE verdict = 'violation') AS violations FROM complaints
                 WHERE sender_id IS NOT NULL
                   AND created_at >= (${from}::date::timestamp AT TIME ZONE ${TZ}) AND created_at < ((${to}::date + 1)::timestamp AT TIME ZONE ${TZ})
                 GROUP BY 1, 2),
           k AS (SELECT month, sender_id FROM r UNION SELECT month, sender_id FROM l UNION SELECT month, sender_id FROM c)
      SELECT k.month, s.code, s.name, s.sector, coalesce(l.minted, 0) AS minted, coalesce(r.refusals, 0) AS refusals,
             coalesce(c.complaints, 0) AS complaints, coalesce(c.violations, 0) AS violations
      FROM k JOIN senders s ON s.id = k.sender_id
      LEFT JOIN r ON r.month = k.month AND r.sender_id = k.sender_id
      LEFT JOIN l ON l.month = k.month AND l.sender_id = k.sender_id
      LEFT JOIN c ON c.month = k.month AND c.sender_id = k.sender_id
      ORDER BY k.month, s.code`,
    // A no-consent complaint is counted against the source its link's campaign declared (none: not counted).
    db().$queryRaw<
      {
        month: string;
        code: string | null;
        name: string | null;
        kind: string;
        minted: bigint;
        refusals: bigint;
        no_consent: bigint;
      }[]
    >`
      WITH m AS (SELECT to_char(day, 'YYYY-MM') AS month, list_source_id, sum(minted) AS minted FROM daily_source_link_stats
                 WHERE day BETWEEN ${from}::date AND ${to}::date GROUP BY 1, 2),
           r AS (SELECT to_char(day, 'YYYY-MM') AS month, list_source_id, sum(added) AS refusals FROM daily_opposition_stats
                 WHERE list_source_id IS NOT NULL AND day BETWEEN ${from}::date AND ${to}::date GROUP BY 1, 2),
           c AS (SELECT to_char((nc.created_at AT TIME ZONE ${TZ})::date, 'YYYY-MM') AS month, nc.list_source_id, count(*) AS no_consent
                 FROM ${Prisma.raw(NO_CONSENT_BY_SOURCE_SQL)} nc
                 WHERE nc.created_at >= (${from}::date::timestamp AT TIME ZONE ${TZ}) AND nc.created_at < ((${to}::date + 1)::timestamp AT TIME ZONE ${TZ})
                 GROUP BY 1, 2),
           k AS (SELECT month, list_source_id FROM m UNION SELECT month, list_source_id FROM r
                 UNION SELECT month, list_source_id FROM c)
      SELECT k.month, ls.code, ls.name, coalesce(ls.kind, 'own') AS kind, coalesce(m.minted, 0) AS minted,
             coalesce(r.refusals, 0) AS refusals, coalesce(c.no_consent, 0) AS no_consent
      FROM k LEFT JOIN list_sources ls ON ls.id = k.list_source_id
      LEFT JOIN m ON m.month = k.month AND m.list_source_id IS NOT DISTINCT FROM k.list_source_id
      LEFT JOIN r ON r.month = k.month AND r.list_source_id IS NOT DISTINCT FROM k.list_source_id
      LEFT JOIN c ON c.month = k.month AND c.list_source_id IS NOT DISTINCT FROM k.list_source_id
      ORDER BY k.month, ls.code NULLS FIRST`,
  ]);
  return {
    rollups: rollups.map((r) => ({ ...r, added: n(r.added), withdrawn: n(r.withdrawn), net: n(r.net) })),
    inForceBefore: { all: n(before[0]?.all_senders), sender: n(before[0]?.one_sender) },
    complaints: complaints.map((r) => ({ ...r, n: n(r.n) })),
    senders: senders.map((s) => ({
      ...s,
      minted: n(s.minted),
      refusals: n(s.refusals),
      complaints: n(s.complaints),
      violations: n(s.violations),
    })),
    sources: sources.map((s) => ({
      month: s.month,
      code: s.code,
      name: s.name,
      kind: s.kind,
      minted: n(s.minted),
      refusals: n(s.refusals),
      noConsent: n(s.no_consent),
    })),
  };
}
