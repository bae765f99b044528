import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { SECTORS } from "@/lib/providers/sectors";
import type { DateRange } from "@/lib/stats/date-range";
import { readCompliance } from "@/lib/stats/read-compliance";
import { publishCount, publishGroup, publishRate, type PublishedCount } from "./small-cells";

// The open statistics (issue 14): what the CNDP's staff see, minus anything personal, from the daily rollups
// only (never a scan of the register), with the dashboard's definitions. Every count goes through
// small-cells.ts. Nothing here holds a phone number, a receipt, a complaint's text or anything per person:
// the queries below never select one.

export const CHANNELS = ["link", "web", "keyword", "staff"] as const;
const VERDICTS = ["violation", "within-deadline", "no-opposition", "undetermined"] as const;

export type Row = Record<string, string | number | boolean | null>;

export interface DatasetDefinition {
  title: string;
  description: string;
  columns: { name: string; type: "date" | "string" | "count" | "number" | "boolean"; description: string }[];
  read: (range: DateRange) => Promise<Row[]>;
}

const publishingProviders = () => env().STOPSMS_PUBLISH_PROVIDERS === "on";
const count = (description: string) => ({ type: "count" as const, description: `${description} An integer, or "< 10" (small-cell suppression).` });
const n = (v: bigint | number | null | undefined) => Number(v ?? 0);

async function refusalsDaily(range: DateRange): Promise<Row[]> {
  const rows = await db().$queryRaw<{ day: string; source: string; added: bigint; withdrawn: bigint }[]>`
    SELECT to_char(day, 'YYYY-MM-DD') AS day, source::text AS source, sum(added) AS added, sum(withdrawn) AS withdrawn
    FROM daily_opposition_stats WHERE day BETWEEN ${range.from}::date AND ${range.to}::date
    GROUP BY 1, 2 ORDER BY 1, 2`;
  const days = [...new Set(rows.map((r) => r.day))];
  return days.flatMap((day) => {
    const cells = CHANNELS.map((channel) => rows.find((r) => r.day === day && r.source === channel));
    const added = publishGroup(cells.map((c) => n(c?.added)));
    const withdrawn = publishGroup(cells.map((c) => n(c?.withdrawn)));
    const totals = { added: cells.reduce((s, c) => s + n(c?.added), 0), withdrawn: cells.reduce((s, c) => s + n(c?.withdrawn), 0) };
    return [
      ...CHANNELS.map((channel, i) => ({ day, channel, new_refusals: added[i]!, withdrawals: withdrawn[i]! })),
      { day, channel: "all", new_refusals: publishCount(totals.added), withdrawals: publishCount(totals.withdrawn) },
    ];
  });
}

interface SenderFigures {
  code: string;
  name: string;
  sector: string;
  refusals: number;
  minted: number;
  complaints: number;
  violations: number;
}

async function senderFigures(range: DateRange): Promise<SenderFigures[]> {
  const rows = await db().$queryRaw<{ code: string; name: string; sector: string; refusals: bigint; minted: bigint; complaints: bigint; violations: bigint }[]>`
    SELECT s.code, s.name, s.sector,
           coalesce((SELECT sum(added) FROM daily_opposition_stats d WHERE d.sender_id = s.id AND d.day BETWEEN ${range.from}::date AND ${range.to}::date), 0) AS refusals,
           coalesce((SELECT sum(minted) FROM daily_link_stats l WHERE l.sender_id = s.id AND l.day BETWEEN ${range.from}::date AND ${range.to}::date), 0) AS minted,
           (SELECT count(*) FROM complaints k WHERE k.sender_id = s.id
              AND k.created_at >= (${range.from}::date::timestamp AT TIME ZONE 'Africa/Casablanca') AND k.created_at < ((${range.to}::date + 1)::timestamp AT TIME ZONE 'Africa/Casablanca')) AS complaints,
           (SELECT count(*) FROM complaints k WHERE k.sender_id = s.id AND k.verdict = 'violation'
              AND k.created_at >= (${range.from}::date::timestamp AT TIME ZONE 'Africa/Casablanca') AND k.created_at < ((${range.to}::date + 1)::timestamp AT TIME ZONE 'Africa/Casablanca')) AS violations
    FROM senders s ORDER BY s.code`;
  const threshold = env().STOPSMS_PUBLISH_MIN_LINKS;
  // Published: senders that minted at least the threshold of links in the period (big enough to be named).
  return rows
    .map((r) => ({ code: r.code, name: r.name, sector: r.sector, refusals: n(r.refusals), minted: n(r.minted), complaints: n(r.complaints), violations: n(r.violations) }))
    .filter((s) => s.minted >= threshold);
}

/**
 * Senders and their sectors together: a sector's figure is the sum of its published senders, and within a
 * sector the senders' cells are suppressed as a group (the sector total is published).
 */
async function sendersAndSectors(range: DateRange): Promise<{ senders: Row[]; sectors: Row[] }> {
  const senders = await senderFigures(range);
  const senderRows: Row[] = [];
  const sectorRows: Row[] = [];
  for (const sector of SECTORS) {
    const inSector = senders.filter((s) => s.sector === sector);
    if (inSector.length === 0) continue;
    const column = (key: "refusals" | "complaints" | "violations") => publishGroup(inSector.map((s) => s[key]));
    const [refusals, complaints, violations] = [column("refusals"), column("complaints"), column("violations")];
    inSector.forEach((s, i) =>
      senderRows.push({
        sender: s.code,
        name: s.name,
        sector,
        refusals: refusals[i]!,
        links_minted: s.minted,
        refusals_per_1000_links: refusals[i] === "< 10" ? "< 10" : publishRate(s.refusals, s.minted),
        complaints: complaints[i]!,
        violations: violations[i]!,
      }),
    );
    const total = (key: "refusals" | "minted" | "complaints" | "violations") => inSector.reduce((sum, s) => sum + s[key], 0);
    sectorRows.push({
      sector,
      senders: inSector.length,
      refusals: publishCount(total("refusals")),
      links_minted: total("minted"),
      refusals_per_1000_links: publishRate(total("refusals"), total("minted")),
      complaints: publishCount(total("complaints")),
      violations: publishCount(total("violations")),
    });
  }
  senderRows.sort((a, b) => String(a.sender).localeCompare(String(b.sender)));
  return { senders: senderRows, sectors: sectorRows };
}

async function complaintsDaily(range: DateRange): Promise<Row[]> {
  const rows = await db().$queryRaw<{ day: string; verdict: string | null; n: bigint }[]>`
    SELECT to_char((created_at AT TIME ZONE 'Africa/Casablanca')::date, 'YYYY-MM-DD') AS day, verdict, count(*) AS n
    FROM complaints
    WHERE created_at >= (${range.from}::date::timestamp AT TIME ZONE 'Africa/Casablanca') AND created_at < ((${range.to}::date + 1)::timestamp AT TIME ZONE 'Africa/Casablanca')
    GROUP BY 1, 2 ORDER BY 1`;
  const days = [...new Set(rows.map((r) => r.day))];
  return days.map((day) => {
    const of = (verdict: string | null) => n(rows.find((r) => r.day === day && r.verdict === verdict)?.n);
    const cells = publishGroup([...VERDICTS.map(of), of(null)]);
    const received = rows.filter((r) => r.day === day).reduce((s, r) => s + n(r.n), 0);
    return {
      day,
      received: publishCount(received),
      violation: cells[0]!,
      within_deadline: cells[1]!,
      no_opposition: cells[2]!,
      undetermined: cells[3]!,
      not_assessed: cells[4]!,
    };
  });
}

async function providers(range: DateRange): Promise<Row[]> {
  if (!publishingProviders()) return [];
  const rows = await readCompliance(range);
  const maxLag = env().STOPSMS_MAX_LAG_HOURS;
  return rows
    .filter((r) => r.status === "active")
    .map((r) => ({
      provider: r.slug,
      name: r.name,
      fetch_lag_hours: r.lagHours,
      ack_lag_hours: r.ackLagHours,
      legal_deadline_hours: maxLag,
      late: r.late || r.ackLate,
      violations_30_days: publishCount(r.violations30d),
      answers_missing: publishCount(r.answersMissing),
      answers_late: publishCount(r.answersLate),
    }));
}

/** The headline figures of a period (one row). */
async function headline(range: DateRange): Promise<Row[]> {
  const [figures] = await db().$queryRaw<{ in_force_all: bigint; in_force_sender: bigint; added: bigint; withdrawn: bigint }[]>`
    SELECT coalesce(sum(added + reinstated - withdrawn - ended) FILTER (WHERE scope = 'all'), 0) AS in_force_all,
           coalesce(sum(added + reinstated - withdrawn - ended) FILTER (WHERE scope = 'sender'), 0) AS in_force_sender,
           coalesce(sum(added) FILTER (WHERE day BETWEEN ${range.from}::date AND ${range.to}::date), 0) AS added,
           coalesce(sum(withdrawn) FILTER (WHERE day BETWEEN ${range.from}::date AND ${range.to}::date), 0) AS withdrawn
    FROM daily_opposition_stats`;
  const compliance = await providers(range);
  const [received, violations] = await db().$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM complaints WHERE created_at >= (${range.from}::date::timestamp AT TIME ZONE 'Africa/Casablanca') AND created_at < ((${range.to}::date + 1)::timestamp AT TIME ZONE 'Africa/Casablanca')
    UNION ALL
    SELECT count(*) FROM complaints WHERE verdict = 'violation' AND created_at >= (${range.from}::date::timestamp AT TIME ZONE 'Africa/Casablanca') AND created_at < ((${range.to}::date + 1)::timestamp AT TIME ZONE 'Africa/Casablanca')`;
  return [
    {
      from: range.from,
      to: range.to,
      refusals_in_force_all_senders: publishCount(n(figures?.in_force_all)),
      refusals_in_force_one_sender: publishCount(n(figures?.in_force_sender)),
      new_refusals: publishCount(n(figures?.added)),
      withdrawals: publishCount(n(figures?.withdrawn)),
      complaints_received: publishCount(n(received?.n)),
      violation_verdicts: publishCount(n(violations?.n)),
      providers_late: publishingProviders() ? compliance.filter((p) => p.late).length : null,
    },
  ];
}

const dayColumn = { name: "day", type: "date" as const, description: "Day (YYYY-MM-DD), Moroccan time." };

export const DATASETS: Record<string, DatasetDefinition> = {
  headline: {
    title: "Headline figures",
    description: "Refusals in force today and the period's new refusals, withdrawals, complaints and verdicts.",
    columns: [
      { name: "from", type: "date", description: "First day of the period." },
      { name: "to", type: "date", description: "Last day of the period." },
      { name: "refusals_in_force_all_senders", ...count("Refusals of all commercial SMS in force now.") },
      { name: "refusals_in_force_one_sender", ...count("Refusals of one sender in force now.") },
      { name: "new_refusals", ...count("Refusals recorded in the period.") },
      { name: "withdrawals", ...count("Refusals withdrawn by their holder in the period.") },
      { name: "complaints_received", ...count("Complaints received in the period.") },
      { name: "violation_verdicts", ...count("Complaints judged a violation (SMS sent after the legal deadline).") },
      { name: "providers_late", type: "number", description: "Providers behind the legal deadline now (null when provider figures are not published)." },
    ],
    read: headline,
  },
  "refusals-daily": {
    title: "Refusals per day and channel",
    description: "New refusals and withdrawals per day, per channel (link in an SMS, web form, STOP keyword, CNDP staff), and the day's total (channel \"all\").",
    columns: [
      dayColumn,
      { name: "channel", type: "string", description: "link, web, keyword, staff, or all (the day's total)." },
      { name: "new_refusals", ...count("Refusals recorded.") },
      { name: "withdrawals", ...count("Refusals withdrawn by their holder.") },
    ],
    read: refusalsDaily,
  },
  senders: {
    title: "Senders",
    description: "Per sender minting at least the publication threshold of StopSMS links in the period: refusals of that sender, links minted, refusals per 1 000 links (a reputation figure), complaints and violation verdicts.",
    columns: [
      { name: "sender", type: "string", description: "The sender's code." },
      { name: "name", type: "string", description: "The sender's name." },
      { name: "sector", type: "string", description: "banking, telecom, retail, real-estate, insurance, politics or other." },
      { name: "refusals", ...count("Refusals of this sender recorded in the period.") },
      { name: "links_minted", type: "number", description: "StopSMS links minted for its SMS in the period." },
      { name: "refusals_per_1000_links", type: "number", description: "Refusals per 1 000 links minted (\"< 10\" when the refusals are)." },
      { name: "complaints", ...count("Complaints about this sender received in the period.") },
      { name: "violations", ...count("Of which judged a violation.") },
    ],
    read: async (range) => (await sendersAndSectors(range)).senders,
  },
  sectors: {
    title: "Sectors",
    description: "The senders dataset summed per sector.",
    columns: [
      { name: "sector", type: "string", description: "banking, telecom, retail, real-estate, insurance, politics or other." },
      { name: "senders", type: "number", description: "Published senders in the sector." },
      { name: "refusals", ...count("Refusals of these senders in the period.") },
      { name: "links_minted", type: "number", description: "Links minted for these senders in the period." },
      { name: "refusals_per_1000_links", type: "number", description: "Refusals per 1 000 links minted." },
      { name: "complaints", ...count("Complaints about these senders.") },
      { name: "violations", ...count("Of which judged a violation.") },
    ],
    read: async (range) => (await sendersAndSectors(range)).sectors,
  },
  "complaints-daily": {
    title: "Complaints and verdicts per day",
    description: "Complaints received per day and the verdict each was given from the facts (feed, providers' fetches and acknowledgements, links).",
    columns: [
      dayColumn,
      { name: "received", ...count("Complaints received.") },
      { name: "violation", ...count("Sent after the legal deadline following a refusal.") },
      { name: "within_deadline", ...count("Sent within the legal deadline.") },
      { name: "no_opposition", ...count("No refusal in force at the time.") },
      { name: "undetermined", ...count("The facts do not decide.") },
      { name: "not_assessed", ...count("Not (yet) assessed.") },
    ],
    read: complaintsDaily,
  },
  providers: {
    title: "Providers' compliance",
    description: "Per registered provider: how far behind the feed it is (fetched and acknowledged) against the legal deadline, and its answers to complaints. Empty when STOPSMS_PUBLISH_PROVIDERS is off.",
    columns: [
      { name: "provider", type: "string", description: "The provider's code." },
      { name: "name", type: "string", description: "The provider's name." },
      { name: "fetch_lag_hours", type: "number", description: "Age of the oldest change it must apply and has not fetched (null: none)." },
      { name: "ack_lag_hours", type: "number", description: "Age of the oldest change it has not acknowledged as applied (null: none)." },
      { name: "legal_deadline_hours", type: "number", description: "The legal deadline to apply a refusal." },
      { name: "late", type: "boolean", description: "Either lag is past the legal deadline." },
      { name: "violations_30_days", ...count("Violation verdicts about its links or senders in the last 30 days.") },
      { name: "answers_missing", ...count("Complaints past their answer deadline without an answer.") },
      { name: "answers_late", ...count("Answers given after the deadline.") },
    ],
    read: providers,
  },
};

export function isDataset(name: string): boolean {
  return Object.hasOwn(DATASETS, name);
}

export type { PublishedCount };
