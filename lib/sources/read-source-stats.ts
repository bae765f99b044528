import "server-only";
import { pool } from "@/lib/db/client";
import { NO_CONSENT_BY_SOURCE_SQL } from "@/lib/sources/campaign-declaration";

/** One list source as the CNDP weighs it: how far its numbers travel and how much they are refused. */
export interface SourceStats {
  id: number;
  code: string;
  name: string;
  kind: string;
  registration: string | null;
  contact: string | null;
  suspendedAt: Date | null;
  campaigns: number;
  senders: number;
  providers: number;
  /** Links minted for campaigns declaring it: one per number and campaign. */
  numbers: number;
  /** Numbers refusing the source, in force. */
  refusals: number;
  noConsentComplaints: number;
  /** refusals / numbers, null without numbers. */
  refusalRate: number | null;
  /** no-consent complaints / numbers: the CNIL case (bought lists, no consent) shows here first. */
  noConsentRate: number | null;
}

// From the declarations, the per-source rollup of minted links and the no-consent complaints (a few rows
// each), never every link: the dashboard loads it on every visit.
const STATS = `
  WITH minted AS (
    SELECT list_source_id, sum(minted) AS numbers, array_agg(DISTINCT provider_id) AS link_providers
    FROM daily_source_link_stats
    WHERE list_source_id IS NOT NULL AND ($1::int IS NULL OR list_source_id = $1)
    GROUP BY 1
  ), declared AS (
    SELECT list_source_id, count(*) AS campaigns, count(DISTINCT sender_id) AS senders,
           array_agg(DISTINCT provider_id) AS providers
    FROM campaign_declarations WHERE list_source_id IS NOT NULL AND ($1::int IS NULL OR list_source_id = $1)
    GROUP BY 1
  ), complained AS (
    SELECT nc.list_source_id, count(*) AS no_consent FROM ${NO_CONSENT_BY_SOURCE_SQL} nc
    WHERE nc.list_source_id IS NOT NULL AND ($1::int IS NULL OR nc.list_source_id = $1)
    GROUP BY 1
  ), refused AS (
    SELECT list_source_id, count(*) AS refusals FROM oppositions
    WHERE list_source_id IS NOT NULL AND withdrawn_at IS NULL AND canary_provider_id IS NULL
      AND ($1::int IS NULL OR list_source_id = $1)
    GROUP BY 1
  )
  SELECT ls.id, ls.code, ls.name, ls.kind, ls.registration, ls.contact, ls.suspended_at,
         COALESCE(dc.campaigns, 0)::int AS campaigns, COALESCE(dc.senders, 0)::int AS senders,
         -- The providers that declared a campaign from it or minted links for one: each counted once.
         cardinality(ARRAY(SELECT DISTINCT unnest(COALESCE(dc.providers, '{}') || COALESCE(m.link_providers, '{}'))))
           AS providers,
         COALESCE(m.numbers, 0)::int AS numbers, COALESCE(r.refusals, 0)::int AS refusals,
         COALESCE(nc.no_consent, 0)::int AS no_consent
  FROM list_sources ls
  LEFT JOIN declared dc ON dc.list_source_id = ls.id
  LEFT JOIN minted m ON m.list_source_id = ls.id
  LEFT JOIN complained nc ON nc.list_source_id = ls.id
  LEFT JOIN refused r ON r.list_source_id = ls.id
  WHERE $1::int IS NULL OR ls.id = $1`;

interface Row {
  id: number;
  code: string;
  name: string;
  kind: string;
  registration: string | null;
  contact: string | null;
  suspended_at: Date | null;
  campaigns: number;
  senders: number;
  providers: number;
  numbers: number;
  refusals: number;
  no_consent: number;
}

const rate = (count: number, numbers: number) => (numbers > 0 ? count / numbers : null);

function statsOf(row: Row): SourceStats {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    registration: row.registration,
    contact: row.contact,
    suspendedAt: row.suspended_at,
    campaigns: row.campaigns,
    senders: row.senders,
    providers: row.providers,
    numbers: row.numbers,
    refusals: row.refusals,
    noConsentComplaints: row.no_consent,
    refusalRate: rate(row.refusals, row.numbers),
    noConsentRate: rate(row.no_consent, row.numbers),
  };
}

/** Every registered source, the most complained-about first (then the most refused). */
export async function readSourcesRanked(): Promise<SourceStats[]> {
  const { rows } = await pool().query<Row>(STATS, [null]);
  return rows
    .map(statsOf)
    .sort(
      (a, b) =>
        (b.noConsentRate ?? -1) - (a.noConsentRate ?? -1) ||
        (b.refusalRate ?? -1) - (a.refusalRate ?? -1) ||
        a.code.localeCompare(b.code),
    );
}

export interface SourceUse {
  sender: string;
  senderName: string;
  provider: string;
  /** Campaigns this provider declared for this sender (the first mint declares). */
  campaigns: number;
  numbers: number;
  noConsentComplaints: number;
}

/** One source, with which senders and providers use it (by the campaigns that declare it). */
export async function readSourceDetail(code: string): Promise<{ stats: SourceStats; uses: SourceUse[] } | null> {
  const found = await pool().query<{ id: number }>("SELECT id FROM list_sources WHERE code = $1", [code]);
  if (!found.rows[0]) return null;
  const id = found.rows[0].id;
  const [stats, uses] = await Promise.all([
    pool().query<Row>(STATS, [id]),
    pool().query<SourceUse>(
      `WITH m AS (
         SELECT sender_id, provider_id, sum(minted) AS numbers FROM daily_source_link_stats
         WHERE list_source_id = $1 GROUP BY 1, 2
       ), d AS (
         SELECT sender_id, provider_id, count(*) AS campaigns FROM campaign_declarations
         WHERE list_source_id = $1 GROUP BY 1, 2
       ), c AS (
         SELECT nc.sender_id, nc.provider_id, count(*) AS no_consent FROM ${NO_CONSENT_BY_SOURCE_SQL} nc
         WHERE nc.list_source_id = $1 GROUP BY 1, 2
       ), k AS (SELECT sender_id, provider_id FROM m UNION SELECT sender_id, provider_id FROM d)
       SELECT s.code AS sender, s.name AS "senderName", p.name AS provider, COALESCE(d.campaigns, 0)::int AS campaigns,
              COALESCE(m.numbers, 0)::int AS numbers, COALESCE(c.no_consent, 0)::int AS "noConsentComplaints"
       FROM k JOIN senders s ON s.id = k.sender_id JOIN providers p ON p.id = k.provider_id
       LEFT JOIN m ON m.sender_id = k.sender_id AND m.provider_id = k.provider_id
       LEFT JOIN d ON d.sender_id = k.sender_id AND d.provider_id = k.provider_id
       LEFT JOIN c ON c.sender_id = k.sender_id AND c.provider_id = k.provider_id
       ORDER BY COALESCE(m.numbers, 0) DESC, s.code, p.name`,
      [id],
    ),
  ]);
  return { stats: statsOf(stats.rows[0]!), uses: uses.rows };
}
