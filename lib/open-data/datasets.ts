import type { OpenFigures, Row } from "./compute-open-figures";

// The open datasets (issue 14): their dictionary and which table of the computed figures each is. The
// figures themselves come from compute-open-figures.ts, all tables of a period together.

export { CHANNELS, type Row } from "./compute-open-figures";

export interface DatasetDefinition {
  title: string;
  description: string;
  /** Which period the rows cover: the published days, the finished weeks (senders), or now (providers). */
  period: "days" | "month" | "now";
  columns: { name: string; type: "date" | "string" | "count" | "number" | "boolean"; description: string }[];
  pick: (figures: OpenFigures) => Row[];
}

const count = (description: string) => ({
  type: "count" as const,
  description: `${description} An integer, or "masked" (between 1 and 9, or masked so that such a count cannot be recovered).`,
});
const cubeColumns = [
  { name: "channel", type: "string" as const, description: "link, web, keyword, staff, or total (every channel)." },
  {
    name: "scope",
    type: "string" as const,
    description:
      "all-senders (a refusal of every sender), one-sender, one-list-source (a refusal of every campaign using the numbers of one list source), or total. Rows give channels or scopes, and their total.",
  },
  { name: "new_refusals", ...count("Refusals recorded.") },
  { name: "withdrawals", ...count("Refusals withdrawn by their holder.") },
];

const dayColumn = { name: "day", type: "date" as const, description: "Day (YYYY-MM-DD), Moroccan time." };

export const DATASETS: Record<string, DatasetDefinition> = {
  headline: {
    title: "Headline figures",
    description:
      "Refusals in force at the end of the period and its new refusals, withdrawals, complaints and verdicts.",
    columns: [
      { name: "period", type: "string", description: "The period: an ISO week (2026-W48) or a month (2026-11)." },
      { name: "from", type: "date", description: "First day of the period (a Monday, or the 1st of the month)." },
      { name: "to", type: "date", description: "Last day of the period (a Sunday, or the month's last day)." },
      {
        name: "refusals_in_force_all_senders",
        ...count("Refusals of all commercial SMS in force at the end of the period."),
      },
      { name: "refusals_in_force_one_sender", ...count("Refusals of one sender in force at the end of the period.") },
      { name: "new_refusals", ...count("Refusals recorded in the period.") },
      { name: "withdrawals", ...count("Refusals withdrawn by their holder in the period.") },
      { name: "complaints_received", ...count("Complaints received in the period.") },
      { name: "violation_verdicts", ...count("Complaints judged a violation (SMS sent after the legal deadline).") },
      {
        name: "providers_late",
        type: "number",
        description: "Providers behind the legal deadline now (null when provider figures are not published).",
      },
    ],
    period: "days",
    pick: (f) => f.headline,
  },
  "refusals-daily": {
    title: "Refusals per day, channel and scope",
    description:
      "New refusals and withdrawals per day: per channel (link in an SMS, web form, STOP keyword, CNDP staff), per scope (every sender or one sender), and the day's total.",
    period: "days",
    columns: [dayColumn, ...cubeColumns],
    pick: (f) => f.refusalsDaily,
  },
  "refusals-weekly": {
    title: "Refusals per week, channel and scope",
    description:
      "The daily table summed per ISO week (Monday to Sunday, Moroccan time): the weeks that overlap the period, each whole.",
    period: "days",
    columns: [
      { name: "week", type: "date", description: "Monday of the week (YYYY-MM-DD)." },
      ...cubeColumns,
      { name: "iso_week", type: "string", description: "The ISO week (2026-W48)." },
      { name: "finished", type: "boolean", description: "Always true: only finished weeks are published." },
    ],
    pick: (f) => f.refusalsWeekly,
  },
  senders: {
    title: "Senders",
    description:
      "Per sender minting at least the publication threshold of StopSMS links in a calendar month (a sender's figures are published per month only: for a week, the last month finished by its end): refusals of that sender, links minted, refusals per 1 000 links (a reputation figure), complaints and violation verdicts.",
    columns: [
      { name: "sender", type: "string", description: "The sender's code." },
      { name: "name", type: "string", description: "The sender's name." },
      {
        name: "sector",
        type: "string",
        description: "banking, telecom, retail, real-estate, insurance, politics or other.",
      },
      { name: "refusals", ...count("Refusals of this sender recorded in the period.") },
      { name: "links_minted", type: "number", description: "StopSMS links minted for its SMS in the period." },
      {
        name: "refusals_per_1000_links",
        type: "number",
        description: 'Refusals per 1 000 links minted ("masked" when the refusals are).',
      },
      { name: "complaints", ...count("Complaints about this sender received in the period.") },
      { name: "violations", ...count("Of which judged a violation.") },
    ],
    period: "month",
    pick: (f) => f.senders,
  },
  sectors: {
    title: "Sectors",
    description: "The senders dataset summed per sector.",
    columns: [
      {
        name: "sector",
        type: "string",
        description: "banking, telecom, retail, real-estate, insurance, politics or other.",
      },
      { name: "senders", type: "number", description: "Published senders in the sector." },
      { name: "refusals", ...count("Refusals of these senders in the period.") },
      { name: "links_minted", type: "number", description: "Links minted for these senders in the period." },
      { name: "refusals_per_1000_links", type: "number", description: "Refusals per 1 000 links minted." },
      { name: "complaints", ...count("Complaints about these senders.") },
      { name: "violations", ...count("Of which judged a violation.") },
    ],
    period: "month",
    pick: (f) => f.sectors,
  },
  sources: {
    title: "List sources",
    description:
      'Per list source (a broker selling or renting numbers, or a partner sharing its customers: the source a campaign declares, SYNC-PROTOCOL 1.2) whose campaigns were sent at least the senders\' publication threshold of StopSMS links in a calendar month (per month only, as senders): the links, the refusals of the source itself ("no SMS to the numbers it supplied"), and the complaints of citizens who say they never agreed, per 1 000 links.',
    columns: [
      { name: "source", type: "string", description: "The source's code (GET /api/v1/sources)." },
      { name: "name", type: "string", description: "The source's name." },
      { name: "kind", type: "string", description: "broker or partner." },
      {
        name: "links_minted",
        type: "number",
        description: "StopSMS links minted in the period for the campaigns declaring this source.",
      },
      { name: "refusals", ...count("Refusals of this source recorded in the period.") },
      {
        name: "refusals_per_1000_links",
        type: "number",
        description: 'Refusals per 1 000 links minted ("masked" when the refusals are).',
      },
      {
        name: "no_consent_complaints",
        ...count('Complaints "I never agreed" about an SMS of a campaign declaring this source.'),
      },
      {
        name: "no_consent_per_1000_links",
        type: "number",
        description: 'No-consent complaints per 1 000 links minted ("masked" when the complaints are).',
      },
    ],
    period: "month",
    pick: (f) => f.sources,
  },
  "source-kinds": {
    title: "List sources by kind",
    description:
      "Every campaign's declared origin of its numbers, per kind, every source included (named in the sources dataset or not): the advertiser's own customers or contacts, brokers, partners. Campaigns without a declaration are not counted.",
    columns: [
      { name: "kind", type: "string", description: "own, broker or partner." },
      {
        name: "sources",
        type: "number",
        description: "Sources of this kind declared by campaigns with links or refusals in the period (null for own).",
      },
      { name: "links_minted", type: "number", description: "Links minted for the campaigns declaring this kind." },
      {
        name: "refusals",
        ...count("Refusals of sources of this kind (null for own: refusing one's own numbers is refusing the sender)."),
      },
      { name: "refusals_per_1000_links", type: "number", description: "Refusals per 1 000 links minted." },
      { name: "no_consent_complaints", ...count('Complaints "I never agreed" about these campaigns\' SMS.') },
      { name: "no_consent_per_1000_links", type: "number", description: "No-consent complaints per 1 000 links." },
    ],
    period: "month",
    pick: (f) => f.sourceKinds,
  },
  "complaints-daily": {
    title: "Complaints and verdicts per day",
    description:
      "Complaints received per day and the verdict each was given from the facts (feed, providers' fetches and acknowledgements, links).",
    columns: [
      dayColumn,
      { name: "received", ...count("Complaints received.") },
      { name: "violation", ...count("Sent after the legal deadline following a refusal.") },
      { name: "within_deadline", ...count("Sent within the legal deadline.") },
      { name: "no_opposition", ...count("No refusal in force at the time.") },
      { name: "undetermined", ...count("The facts do not decide.") },
      { name: "not_assessed", ...count("Not (yet) assessed.") },
    ],
    period: "days",
    pick: (f) => f.complaintsDaily,
  },
  providers: {
    title: "Providers' compliance",
    description:
      "Per registered provider: how far behind the feed it is (fetched and acknowledged) against the legal deadline, and its answers to complaints. Empty when STOPSMS_PUBLISH_PROVIDERS is off.",
    columns: [
      { name: "provider", type: "string", description: "The provider's code." },
      { name: "name", type: "string", description: "The provider's name." },
      {
        name: "fetch_lag_hours",
        type: "number",
        description: "Age of the oldest change it must apply and has not fetched (null: none).",
      },
      {
        name: "ack_lag_hours",
        type: "number",
        description: "Age of the oldest change it has not acknowledged as applied (null: none).",
      },
      { name: "legal_deadline_hours", type: "number", description: "The legal deadline to apply a refusal." },
      { name: "late", type: "boolean", description: "Either lag is past the legal deadline." },
      { name: "violations_30_days", ...count("Violation verdicts about its links or senders in the last 30 days.") },
      { name: "answers_missing", ...count("Complaints past their answer deadline without an answer.") },
      { name: "answers_late", ...count("Answers given after the deadline.") },
    ],
    period: "now",
    pick: (f) => f.providers,
  },
};

export function isDataset(name: string): boolean {
  return Object.hasOwn(DATASETS, name);
}
