import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { SECTORS } from "@/lib/providers/sectors";
import { readCompliance } from "@/lib/stats/read-compliance";
import { LinkedCells } from "./linked-cells";
import { addDays, daysBetween, type OpenPeriod } from "./open-period";
import { publishCount, publishRate, SUPPRESSED } from "./small-cells";
import { TZ } from "@/lib/db/time-zone-sql";

// Every open table of one period computed together (issue 14), because their cells are tied: a day's total
// and its channels and scopes, a week and its days, the period and its weeks, a sector and its senders, the
// senders and the week's one-sender refusals. One LinkedCells holds them all, so a cell hidden in one table
// is never given back by another. From the daily rollups and small tables only, with the staff dashboard's
// definitions; nothing here selects a phone number, a receipt, a complaint's text or anything per person.

export const CHANNELS = ["link", "web", "keyword", "staff"] as const;
export const SCOPES = [
  ["all", "all-senders"],
  ["sender", "one-sender"],
] as const;
export const VERDICTS = ["violation", "within-deadline", "no-opposition", "undetermined"] as const;

export type Row = Record<string, string | number | boolean | null>;

export interface OpenFigures {
  headline: Row[];
  refusalsDaily: Row[];
  refusalsWeekly: Row[];
  senders: Row[];
  sectors: Row[];
  complaintsDaily: Row[];
  providers: Row[];
}

const n = (v: bigint | number | null | undefined) => Number(v ?? 0);
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** One measure (new refusals, or withdrawals) as linked day, week and period cells. */
function refusalCube(
  cells: LinkedCells,
  period: OpenPeriod,
  value: (day: string, channel: string | null, scope: string | null) => number,
) {
  const days = daysBetween(period.days.from, period.days.to);
  const day = new Map<string, { total: number; channel: number[]; scope: number[] }>();
  for (const d of days) {
    const entry = {
      total: cells.cell(value(d, null, null)),
      channel: CHANNELS.map((k) => cells.cell(value(d, k, null))),
      scope: SCOPES.map(([s]) => cells.cell(value(d, null, s))),
    };
    cells.relate([entry.total, ...entry.channel]);
    cells.relate([entry.total, ...entry.scope]);
    day.set(d, entry);
  }
  const week = new Map<string, { total: number; channel: number[]; scope: number[] }>();
  for (const monday of period.mondays) {
    const inWeek = days.filter((d) => d >= monday && d < addWeek(monday)).map((d) => day.get(d)!);
    const of = (pick: (e: (typeof inWeek)[number]) => number) => inWeek.map(pick);
    const entry = {
      total: cells.cell(sum(inWeek.map((e) => valueOf(e.total)))),
      channel: CHANNELS.map((_, k) => cells.cell(sum(of((e) => e.channel[k]!).map(valueOf)))),
      scope: SCOPES.map((_, j) => cells.cell(sum(of((e) => e.scope[j]!).map(valueOf)))),
    };
    cells.relate([entry.total, ...entry.channel]);
    cells.relate([entry.total, ...entry.scope]);
    cells.relate([entry.total, ...of((e) => e.total)]);
    CHANNELS.forEach((_, k) => cells.relate([entry.channel[k]!, ...of((e) => e.channel[k]!)]));
    SCOPES.forEach((_, j) => cells.relate([entry.scope[j]!, ...of((e) => e.scope[j]!)]));
    week.set(monday, entry);
  }
  const weekTotals = [...week.values()].map((w) => w.total);
  const total = cells.cell(sum(weekTotals.map(valueOf)));
  cells.relate([total, ...weekTotals]);
  function valueOf(id: number) {
    return cells.value(id);
  }
  return { day, week, total };
}

const addWeek = (monday: string) => addDays(monday, 7);

export async function computeOpenFigures(period: OpenPeriod): Promise<OpenFigures> {
  const { days: d, weeks: w } = period;
  const [rollups, inForce, senderRows, complaintRows, compliance] = await Promise.all([
    db().$queryRaw<{ day: string; source: string; scope: string; added: bigint; withdrawn: bigint }[]>`
      SELECT to_char(day, 'YYYY-MM-DD') AS day, source::text AS source, scope::text AS scope, sum(added) AS added, sum(withdrawn) AS withdrawn
      FROM daily_opposition_stats WHERE day BETWEEN ${d.from}::date AND ${d.to}::date GROUP BY 1, 2, 3`,
    db().$queryRaw<{ all_senders: bigint; one_sender: bigint }[]>`
      SELECT coalesce(sum(added + reinstated - withdrawn - ended) FILTER (WHERE scope = 'all'), 0) AS all_senders,
             coalesce(sum(added + reinstated - withdrawn - ended) FILTER (WHERE scope = 'sender'), 0) AS one_sender
      FROM daily_opposition_stats WHERE day <= ${d.to}::date`,
    db().$queryRaw<
      {
        code: string;
        name: string;
        sector: string;
        refusals: bigint;
        minted: bigint;
        complaints: bigint;
        violations: bigint;
      }[]
    >`
      SELECT s.code, s.name, s.sector,
             coalesce((SELECT sum(added) FROM daily_opposition_stats x WHERE x.sender_id = s.id AND x.day BETWEEN ${w.from}::date AND ${w.to}::date), 0) AS refusals,
             coalesce((SELECT sum(minted) FROM daily_link_stats l WHERE l.sender_id = s.id AND l.day BETWEEN ${w.from}::date AND ${w.to}::date), 0) AS minted,
             (SELECT count(*) FROM complaints k WHERE k.sender_id = s.id
                AND k.created_at >= (${w.from}::date::timestamp AT TIME ZONE ${TZ}) AND k.created_at < ((${w.to}::date + 1)::timestamp AT TIME ZONE ${TZ})) AS complaints,
             (SELECT count(*) FROM complaints k WHERE k.sender_id = s.id AND k.verdict = 'violation'
                AND k.created_at >= (${w.from}::date::timestamp AT TIME ZONE ${TZ}) AND k.created_at < ((${w.to}::date + 1)::timestamp AT TIME ZONE ${TZ})) AS violations
      FROM senders s ORDER BY s.code`,
    db().$queryRaw<{ day: string; verdict: string | null; n: bigint }[]>`
      SELECT to_char((created_at AT TIME ZONE ${TZ})::date, 'YYYY-MM-DD') AS day, verdict, count(*) AS n
      FROM complaints
      WHERE created_at >= (${d.from}::date::timestamp AT TIME ZONE ${TZ}) AND created_at < ((${d.to}::date + 1)::timestamp AT TIME ZONE ${TZ})
      GROUP BY 1, 2`,
    env().STOPSMS_PUBLISH_PROVIDERS === "on"
      ? readCompliance({ from: d.from, to: d.to, preset: "custom" })
      : Promise.resolve(null),
  ]);

  const cells = new LinkedCells();
  const rollupsByDay = new Map<string, typeof rollups>();
  for (const r of rollups) rollupsByDay.set(r.day, [...(rollupsByDay.get(r.day) ?? []), r]);
  const refusal = (measure: "added" | "withdrawn") => (day: string, channel: string | null, scope: string | null) =>
    sum(
      (rollupsByDay.get(day) ?? [])
        .filter((r) => (channel === null || r.source === channel) && (scope === null || r.scope === scope))
        .map((r) => n(r[measure])),
    );
  const added = refusalCube(cells, period, refusal("added"));
  const withdrawn = refusalCube(cells, period, refusal("withdrawn"));

  // Complaints per day and verdict; the period's received and violations are their sums.
  const dayList = daysBetween(d.from, d.to);
  const complaintsOf = (day: string, verdict: string | null | undefined) =>
    sum(
      complaintRows.filter((r) => r.day === day && (verdict === undefined || r.verdict === verdict)).map((r) => n(r.n)),
    );
  const complaintDays = dayList.map((day) => {
    const received = cells.cell(complaintsOf(day, undefined));
    const verdicts = [...VERDICTS, null].map((v) => cells.cell(complaintsOf(day, v)));
    cells.relate([received, ...verdicts]);
    return { day, received, verdicts };
  });
  const complaintsReceived = cells.cell(sum(dayList.map((day) => complaintsOf(day, undefined))));
  const violationVerdicts = cells.cell(sum(dayList.map((day) => complaintsOf(day, "violation"))));
  cells.relate([complaintsReceived, ...complaintDays.map((c) => c.received)]);
  cells.relate([violationVerdicts, ...complaintDays.map((c) => c.verdicts[0]!)]);

  // Senders minting at least the threshold in the finished weeks, and their sectors.
  const threshold = env().STOPSMS_PUBLISH_MIN_LINKS;
  const allSenders = senderRows.map((r) => ({
    ...r,
    refusals: n(r.refusals),
    minted: n(r.minted),
    complaints: n(r.complaints),
    violations: n(r.violations),
  }));
  const named = allSenders.filter((s) => s.minted >= threshold);
  const senderCells = named.map((s) => ({
    s,
    refusals: cells.cell(s.refusals),
    complaints: cells.cell(s.complaints),
    violations: cells.cell(s.violations),
  }));
  const sectorCells = SECTORS.flatMap((sector) => {
    const inSector = senderCells.filter((c) => c.s.sector === sector);
    if (inSector.length === 0) return [];
    const total = (key: "refusals" | "complaints" | "violations") => {
      const id = cells.cell(sum(inSector.map((c) => c.s[key])));
      cells.relate([id, ...inSector.map((c) => c[key])]);
      return id;
    };
    return [
      {
        sector,
        senders: inSector,
        refusals: total("refusals"),
        complaints: total("complaints"),
        violations: total("violations"),
        minted: sum(inSector.map((c) => c.s.minted)),
      },
    ];
  });
  // Where the named senders are all there is, their sectors add up to published figures of the same weeks.
  const unnamed = (key: "refusals" | "complaints" | "violations") =>
    sum(allSenders.filter((s) => s.minted < threshold).map((s) => s[key]));
  const finishedMondays = period.mondays.filter((m) => m >= w.from && m <= w.to);
  if (unnamed("refusals") === 0)
    cells.relate([...sectorCells.map((c) => c.refusals), ...finishedMondays.map((m) => added.week.get(m)!.scope[1]!)]);
  const weekDays = complaintDays.filter((c) => c.day >= w.from && c.day <= w.to);
  const unattributed = (verdict?: string) =>
    sum(
      complaintRows
        .filter((r) => r.day >= w.from && r.day <= w.to && (verdict === undefined || r.verdict === verdict))
        .map((r) => n(r.n)),
    ) - sum(allSenders.map((s) => (verdict ? s.violations : s.complaints)));
  if (unnamed("complaints") === 0 && unattributed() === 0)
    cells.relate([...sectorCells.map((c) => c.complaints), ...weekDays.map((c) => c.received)]);
  if (unnamed("violations") === 0 && unattributed("violation") === 0)
    cells.relate([...sectorCells.map((c) => c.violations), ...weekDays.map((c) => c.verdicts[0]!)]);

  const show = (id: number) => cells.published(id);
  const rate = (refusalsId: number, refusals: number, minted: number) =>
    cells.isHidden(refusalsId) ? SUPPRESSED : publishRate(refusals, minted);
  const cubeRows = (key: string, label: (k: string) => string, a: typeof added.day, r: typeof withdrawn.day) =>
    [...a.keys()].flatMap((k) => {
      const [x, y] = [a.get(k)!, r.get(k)!];
      return [
        ...CHANNELS.map((channel, i) => ({
          [key]: label(k),
          channel,
          scope: "total",
          new_refusals: show(x.channel[i]!),
          withdrawals: show(y.channel[i]!),
        })),
        ...SCOPES.map(([, scope], j) => ({
          [key]: label(k),
          channel: "total",
          scope,
          new_refusals: show(x.scope[j]!),
          withdrawals: show(y.scope[j]!),
        })),
        { [key]: label(k), channel: "total", scope: "total", new_refusals: show(x.total), withdrawals: show(y.total) },
      ];
    });
  return {
    headline: [
      {
        from: d.from,
        to: d.to,
        refusals_in_force_all_senders: publishCount(n(inForce[0]?.all_senders)),
        refusals_in_force_one_sender: publishCount(n(inForce[0]?.one_sender)),
        new_refusals: show(added.total),
        withdrawals: show(withdrawn.total),
        complaints_received: show(complaintsReceived),
        violation_verdicts: show(violationVerdicts),
        providers_late: compliance
          ? compliance.filter((p) => p.status === "active" && (p.late || p.ackLate)).length
          : null,
      },
    ],
    refusalsDaily: cubeRows("day", (k) => k, added.day, withdrawn.day),
    refusalsWeekly: cubeRows("week", (k) => k, added.week, withdrawn.week).map((row) => ({
      ...row,
      finished: addDays(String(row.week), 6) <= w.to,
    })),
    senders: senderCells
      .map((c) => ({
        sender: c.s.code,
        name: c.s.name,
        sector: c.s.sector,
        refusals: show(c.refusals),
        links_minted: c.s.minted,
        refusals_per_1000_links: rate(c.refusals, c.s.refusals, c.s.minted),
        complaints: show(c.complaints),
        violations: show(c.violations),
      }))
      .sort((a, b) => a.sender.localeCompare(b.sender)),
    sectors: sectorCells.map((c) => ({
      sector: c.sector,
      senders: c.senders.length,
      refusals: show(c.refusals),
      links_minted: c.minted,
      refusals_per_1000_links: rate(c.refusals, sum(c.senders.map((x) => x.s.refusals)), c.minted),
      complaints: show(c.complaints),
      violations: show(c.violations),
    })),
    complaintsDaily: complaintDays.map((c) => ({
      day: c.day,
      received: show(c.received),
      violation: show(c.verdicts[0]!),
      within_deadline: show(c.verdicts[1]!),
      no_opposition: show(c.verdicts[2]!),
      undetermined: show(c.verdicts[3]!),
      not_assessed: show(c.verdicts[4]!),
    })),
    providers: (compliance ?? [])
      .filter((r) => r.status === "active")
      .map((r) => ({
        provider: r.slug,
        name: r.name,
        fetch_lag_hours: r.lagHours,
        ack_lag_hours: r.ackLagHours,
        legal_deadline_hours: env().STOPSMS_MAX_LAG_HOURS,
        late: r.late || r.ackLate,
        violations_30_days: publishCount(r.violations30d),
        answers_missing: publishCount(r.answersMissing),
        answers_late: publishCount(r.answersLate),
      })),
  };
}
