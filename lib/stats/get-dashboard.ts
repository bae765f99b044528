import "server-only";
import { readSmsBudget, type SmsBudgetView } from "@/lib/sms/sms-budget";
import { requireStaff } from "@/lib/auth/require-staff";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { DateRange } from "./date-range";
import { readCompliance, type ComplianceRow } from "./read-compliance";
import { TZ } from "@/lib/db/time-zone-sql";

export type { ComplianceRow };

export interface Dashboard {
  kpis: {
    inForceAll: number;
    inForceSender: number;
    newInPeriod: number;
    withdrawnInPeriod: number;
    complaintsOpen: number;
    complaintsNew: number;
    smsFailures: number;
  };
  daily: { day: string; all: number; sender: number; withdrawn: number }[];
  bySource: { source: string; added: number }[];
  senders: {
    code: string;
    name: string;
    added: number;
    inForce: number;
    minted: number;
    perThousandLinks: number | null;
  }[];
  compliance: ComplianceRow[];
  /** Refusals typed on /stop without proof of the number: the last hour (alert past the level) and today's share. */
  unverified: { lastHour: number; alert: boolean; today: number; todayShare: number | null };
  /** SMS codes sent this hour against the platform's budget: the 80 % alert and the anomalous prefixes. */
  sms: SmsBudgetView;
}

const n = (v: bigint | number | null | undefined) => Number(v ?? 0);

/**
 * Every dashboard figure for a date range, from the daily rollups (daily_opposition_stats,
 * daily_link_stats) and small tables: never a scan of the oppositions or the change feed, so it stays
 * fast at 10 M changes. "In force" = all additions minus all withdrawals in the rollups.
 */
export async function getDashboard(range: DateRange): Promise<Dashboard> {
  await requireStaff("analyst");
  const client = db();
  const [kpiRows, complaintRows, smsFailureRows, unverifiedRows, daily, bySource, senders, compliance, sms] =
    await Promise.all([
      client.$queryRaw<{ in_all: bigint; in_sender: bigint; added: bigint; withdrawn: bigint }[]>`
      SELECT coalesce(sum(added + reinstated - withdrawn - ended) FILTER (WHERE scope = 'all'), 0) AS in_all,
             coalesce(sum(added + reinstated - withdrawn - ended) FILTER (WHERE scope = 'sender'), 0) AS in_sender,
             coalesce(sum(added) FILTER (WHERE day BETWEEN ${range.from}::date AND ${range.to}::date), 0) AS added,
             coalesce(sum(withdrawn) FILTER (WHERE day BETWEEN ${range.from}::date AND ${range.to}::date), 0) AS withdrawn
      FROM daily_opposition_stats`,
      client.$queryRaw<{ open: bigint; fresh: bigint }[]>`
      SELECT count(*) FILTER (WHERE status IN ('new', 'reviewing')) AS open,
             count(*) FILTER (WHERE (created_at AT TIME ZONE ${TZ})::date BETWEEN ${range.from}::date AND ${range.to}::date) AS fresh
      FROM complaints`,
      client.$queryRaw<{ failures: bigint }[]>`
      SELECT count(*) AS failures FROM sms_failures
      WHERE at >= (${range.from}::date::timestamp AT TIME ZONE ${TZ})
        AND at < ((${range.to}::date + 1)::timestamp AT TIME ZONE ${TZ})`,
      client.$queryRaw<{ last_hour: bigint; today: bigint; today_added: bigint }[]>`
      SELECT coalesce((SELECT sum(count) FROM unverified_refusals_hourly WHERE hour >= date_trunc('hour', now()) - interval '1 hour'), 0) AS last_hour,
             coalesce((SELECT sum(count) FROM unverified_refusals_hourly WHERE hour >= date_trunc('day', now() AT TIME ZONE ${TZ}) AT TIME ZONE ${TZ}), 0) AS today,
             coalesce((SELECT sum(added) FROM daily_opposition_stats WHERE day = (now() AT TIME ZONE ${TZ})::date), 0) AS today_added`,
      readDaily(range),
      client.$queryRaw<{ source: string; added: bigint }[]>`
      SELECT source::text AS source, sum(added) AS added FROM daily_opposition_stats
      WHERE day BETWEEN ${range.from}::date AND ${range.to}::date GROUP BY source ORDER BY added DESC`,
      readSenders(range),
      readCompliance(range),
      readSmsBudget(env().STOPSMS_SMS_PER_HOUR),
    ]);
  const kpi = kpiRows[0]!;
  return {
    kpis: {
      inForceAll: n(kpi.in_all),
      inForceSender: n(kpi.in_sender),
      newInPeriod: n(kpi.added),
      withdrawnInPeriod: n(kpi.withdrawn),
      complaintsOpen: n(complaintRows[0]?.open),
      complaintsNew: n(complaintRows[0]?.fresh),
      smsFailures: n(smsFailureRows[0]?.failures),
    },
    unverified: {
      lastHour: n(unverifiedRows[0]?.last_hour),
      alert: n(unverifiedRows[0]?.last_hour) > env().STOPSMS_UNVERIFIED_ALERT_PER_HOUR,
      today: n(unverifiedRows[0]?.today),
      todayShare:
        n(unverifiedRows[0]?.today_added) > 0
          ? Math.round((n(unverifiedRows[0]?.today) / n(unverifiedRows[0]?.today_added)) * 1000) / 10
          : null,
    },
    daily,
    bySource: bySource.map((s) => ({ source: s.source, added: n(s.added) })),
    senders,
    compliance,
    sms,
  };
}

export type DashboardTable = "daily" | "senders" | "compliance";

/** One table of the dashboard (for the CSV exports): only its own query runs. */
export async function getDashboardTable<T extends DashboardTable>(table: T, range: DateRange): Promise<Dashboard[T]> {
  await requireStaff("analyst");
  const read = { daily: readDaily, senders: readSenders, compliance: readCompliance }[table];
  return (await read(range)) as Dashboard[T];
}

async function readDaily(range: DateRange): Promise<Dashboard["daily"]> {
  const rows = await db().$queryRaw<{ day: string; all: bigint; sender: bigint; withdrawn: bigint }[]>`
      SELECT to_char(d, 'YYYY-MM-DD') AS day,
             coalesce(sum(s.added) FILTER (WHERE s.scope = 'all'), 0) AS all,
             coalesce(sum(s.added) FILTER (WHERE s.scope = 'sender'), 0) AS sender,
             coalesce(sum(s.withdrawn), 0) AS withdrawn
      FROM generate_series(${range.from}::date, ${range.to}::date, interval '1 day') AS d
      LEFT JOIN daily_opposition_stats s ON s.day = d::date
      GROUP BY d ORDER BY d`;
  return rows.map((d) => ({ day: d.day, all: n(d.all), sender: n(d.sender), withdrawn: n(d.withdrawn) }));
}

async function readSenders(range: DateRange): Promise<Dashboard["senders"]> {
  const rows = await db().$queryRaw<{ code: string; name: string; added: bigint; in_force: bigint; minted: bigint }[]>`
      SELECT s.code, s.name,
             coalesce((SELECT sum(added) FROM daily_opposition_stats d WHERE d.sender_id = s.id AND d.day BETWEEN ${range.from}::date AND ${range.to}::date), 0) AS added,
             coalesce((SELECT sum(added + reinstated - withdrawn - ended) FROM daily_opposition_stats d WHERE d.sender_id = s.id), 0) AS in_force,
             coalesce((SELECT sum(minted) FROM daily_link_stats l WHERE l.sender_id = s.id AND l.day BETWEEN ${range.from}::date AND ${range.to}::date), 0) AS minted
      FROM senders s ORDER BY added DESC, s.code`;
  return rows.map((s) => ({
    code: s.code,
    name: s.name,
    added: n(s.added),
    inForce: n(s.in_force),
    minted: n(s.minted),
    perThousandLinks: n(s.minted) > 0 ? Math.round((n(s.added) / n(s.minted)) * 10_000) / 10 : null,
  }));
}
