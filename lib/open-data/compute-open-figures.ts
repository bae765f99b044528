import "server-only";
import type { ComplianceRow } from "@/lib/stats/read-compliance";
import type { GridPeriod } from "./grid";
import { CHANNELS, dayKey, nodeKey, SCOPES, shown, type Cube, type OpenLattice } from "./open-lattice";
import { daysBetween } from "./open-period";
import { publishCount, publishRate, SUPPRESSED } from "./small-cells";

// The rows of every open table for one grid period, read off the window's suppressed cells (open-lattice.ts):
// nothing is computed here but the shape, so a request costs the rows it returns.

export { CHANNELS, SCOPES, VERDICTS } from "./open-lattice";

export type Row = Record<string, string | number | boolean | null>;

export interface OpenFigures {
  headline: Row[];
  refusalsDaily: Row[];
  refusalsWeekly: Row[];
  senders: Row[];
  sectors: Row[];
  sources: Row[];
  sourceKinds: Row[];
  complaintsDaily: Row[];
  providers: Row[];
}

export function openFiguresFor(
  lattice: OpenLattice,
  period: GridPeriod,
  senderMonth: GridPeriod,
  grid: { weeks: GridPeriod[] },
  compliance: ComplianceRow[] | null,
  legalDeadlineHours: number,
): OpenFigures {
  const show = (id: number) => shown(lattice, id);
  const rate = (refusalsId: number, minted: number) =>
    lattice.system.hidden[refusalsId] ? SUPPRESSED : publishRate(lattice.system.values[refusalsId]!, minted);
  const cubeRows = (key: string, label: string, a: Cube, r: Cube): Row[] => [
    ...CHANNELS.map((channel, i) => ({
      [key]: label,
      channel,
      scope: "total",
      new_refusals: show(a.channel[i]!),
      withdrawals: show(r.channel[i]!),
    })),
    ...SCOPES.map(([, scope], j) => ({
      [key]: label,
      channel: "total",
      scope,
      new_refusals: show(a.scope[j]!),
      withdrawals: show(r.scope[j]!),
    })),
    { [key]: label, channel: "total", scope: "total", new_refusals: show(a.total), withdrawals: show(r.total) },
  ];
  const days = daysBetween(period.from, period.to);
  const node = nodeKey(period);
  const weeks = grid.weeks
    .filter((w) => w.to >= period.from && w.from <= period.to)
    .sort((a, b) => a.from.localeCompare(b.from));
  const complaints = lattice.complaints.get(node)!;
  const inForce = lattice.inForce.get(period.to) ?? { all: 0, sender: 0 };
  const senders = lattice.senders.get(senderMonth.id) ?? [];
  return {
    headline: [
      {
        period: period.id,
        from: period.from,
        to: period.to,
        refusals_in_force_all_senders: publishCount(inForce.all),
        refusals_in_force_one_sender: publishCount(inForce.sender),
        new_refusals: show(lattice.added.get(node)!.total),
        withdrawals: show(lattice.withdrawn.get(node)!.total),
        complaints_received: show(complaints.received),
        violation_verdicts: show(complaints.verdicts[0]!),
        providers_late: compliance
          ? compliance.filter((p) => p.status === "active" && (p.late || p.ackLate)).length
          : null,
      },
    ],
    refusalsDaily: days.flatMap((d) =>
      cubeRows("day", d, lattice.added.get(dayKey(d))!, lattice.withdrawn.get(dayKey(d))!),
    ),
    refusalsWeekly: weeks.flatMap((w) =>
      cubeRows("week", w.from, lattice.added.get(nodeKey(w))!, lattice.withdrawn.get(nodeKey(w))!).map((row) => ({
        ...row,
        iso_week: w.id,
        finished: true,
      })),
    ),
    senders: senders
      .map((c) => ({
        sender: c.code,
        name: c.name,
        sector: c.sector,
        refusals: show(c.refusals),
        links_minted: c.minted,
        refusals_per_1000_links: rate(c.refusals, c.minted),
        complaints: show(c.complaints),
        violations: show(c.violations),
      }))
      .sort((a, b) => a.sender.localeCompare(b.sender)),
    sectors: (lattice.sectors.get(senderMonth.id) ?? []).map((c) => ({
      sector: c.sector,
      senders: c.senders.length,
      refusals: show(c.refusals),
      links_minted: c.minted,
      refusals_per_1000_links: rate(c.refusals, c.minted),
      complaints: show(c.complaints),
      violations: show(c.violations),
    })),
    sources: (lattice.sources.get(senderMonth.id) ?? [])
      .map((c) => ({
        source: c.code,
        name: c.name,
        kind: c.kind,
        links_minted: c.minted,
        refusals: show(c.refusals),
        refusals_per_1000_links: rate(c.refusals, c.minted),
        no_consent_complaints: show(c.noConsent),
        no_consent_per_1000_links: rate(c.noConsent, c.minted),
      }))
      .sort((a, b) => a.source.localeCompare(b.source)),
    sourceKinds: (lattice.sourceKinds.get(senderMonth.id) ?? []).map((c) => ({
      kind: c.kind,
      sources: c.kind === "own" ? null : c.sources,
      links_minted: c.minted,
      refusals: c.refusals === null ? null : show(c.refusals),
      refusals_per_1000_links: c.refusals === null ? null : rate(c.refusals, c.minted),
      no_consent_complaints: show(c.noConsent),
      no_consent_per_1000_links: rate(c.noConsent, c.minted),
    })),
    complaintsDaily: days.map((d) => {
      const c = lattice.complaints.get(dayKey(d))!;
      return {
        day: d,
        received: show(c.received),
        violation: show(c.verdicts[0]!),
        within_deadline: show(c.verdicts[1]!),
        no_opposition: show(c.verdicts[2]!),
        undetermined: show(c.verdicts[3]!),
        not_assessed: show(c.verdicts[4]!),
      };
    }),
    providers: (compliance ?? [])
      .filter((r) => r.status === "active")
      .map((r) => ({
        provider: r.slug,
        name: r.name,
        fetch_lag_hours: r.lagHours,
        ack_lag_hours: r.ackLagHours,
        legal_deadline_hours: legalDeadlineHours,
        late: r.late || r.ackLate,
        violations_30_days: publishCount(r.violations30d),
        answers_missing: publishCount(r.answersMissing),
        answers_late: publishCount(r.answersLate),
      })),
  };
}
