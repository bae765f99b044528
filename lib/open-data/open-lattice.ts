import { SECTORS } from "@/lib/providers/sectors";
import { suppressLinked } from "./linked-cells";
import { daysBetween } from "./open-period";
import type { GridPeriod } from "./grid";
import type { OpenRows } from "./read-open-rows";
import { SUPPRESSED, type PublishedCount } from "./small-cells";
import { sourceCellsOf, type SourceCells, type SourceKindCells } from "./source-cells";

// Every cell the open data can publish over the whole window, suppressed once, so that a cell is shown or
// masked the same in every file that carries it, whatever was asked. Three kinds of cells, three rules:
// - a day's cells (its total, per channel, per scope; its complaints, per verdict): 1 to 9 masked, then
//   complementary masking inside the day (a total and its parts never with exactly one masked cell);
// - a week's or a month's cell is the sum of its days, so it is shown only when every one of those days'
//   cells is: then it is a sum anyone could make and tells nothing new; otherwise masked. Weeks and months
//   overlap, and publishing them beside masked days let combinations of totals give a day back (found by
//   the exact attack of audit-suppression.ts; suppression-audit.test.ts runs it on every file at once);
// - a month's senders and sectors: a tree under the month's total, complementary masking inside it, never
//   choosing the month's total (it is a sum of shown days).
// One pass over the rollups' rows: linear in the window.

export const CHANNELS = ["link", "web", "keyword", "staff"] as const;
// A day's total is the sum of its scopes: the refusals of a list source (provenance, 1.2) are a scope of
// their own, never counted as a sender's.
export const SCOPES = [
  ["all", "all-senders"],
  ["sender", "one-sender"],
  ["source", "one-list-source"],
] as const;
export const VERDICTS = ["violation", "within-deadline", "no-opposition", "undetermined"] as const;

/** Cell ids of one period's figures of a measure: its total, per channel, per scope. */
export interface Cube {
  total: number;
  channel: number[];
  scope: number[];
}
/** Cell ids of one period's complaints: received, then per verdict (VERDICTS, then not assessed). */
export interface ComplaintCells {
  received: number;
  verdicts: number[];
}
/** A named sender of a month: its refusals, complaints and violations as cell ids. */
export type SenderCells = Omit<OpenRows["senders"][number], "month">;
export interface SectorCells {
  sector: string;
  senders: SenderCells[];
  minted: number;
  refusals: number;
  complaints: number;
  violations: number;
}

/** Every cell's value and whether it is masked, and every equation a reader can write between them. */
export interface CellSystem {
  values: number[];
  hidden: boolean[];
  relations: number[][];
}

export interface OpenLattice {
  system: CellSystem;
  added: Map<string, Cube>;
  withdrawn: Map<string, Cube>;
  complaints: Map<string, ComplaintCells>;
  senders: Map<string, SenderCells[]>;
  sectors: Map<string, SectorCells[]>;
  sources: Map<string, SourceCells[]>;
  sourceKinds: Map<string, SourceKindCells[]>;
  /** Refusals in force at the end of each day of the window, per scope. */
  inForce: Map<string, { all: number; sender: number }>;
}

/** The key of a period's cells: `d:2026-11-02`, `w:2026-W45`, `m:2026-11`. */
export const nodeKey = (period: Pick<GridPeriod, "kind" | "id">) =>
  `${period.kind === "week" ? "w" : "m"}:${period.id}`;
export const dayKey = (day: string) => `d:${day}`;

/** A cell as published: its count, or "masked" when masked. */
export function shown(lattice: Pick<OpenLattice, "system">, id: number): PublishedCount {
  return lattice.system.hidden[id] ? SUPPRESSED : lattice.system.values[id]!;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(key(item));
    if (list) list.push(item);
    else map.set(key(item), [item]);
  }
  return map;
}

export function buildOpenLattice(
  rows: OpenRows,
  grid: { weeks: GridPeriod[]; months: GridPeriod[]; days: { from: string; to: string } },
  publishMinLinks: number,
): OpenLattice {
  const values: number[] = [];
  const dayRelations: number[][] = [];
  const sums: { id: number; parts: number[] }[] = [];
  const cell = (value: number) => values.push(value) - 1;
  const days = daysBetween(grid.days.from, grid.days.to);
  const byDay = groupBy(rows.rollups, (r) => r.day);
  const complaintsByDay = groupBy(rows.complaints, (r) => r.day);
  const periods = [...grid.weeks, ...grid.months];
  const daysOf = <T>(map: Map<string, T>, period: GridPeriod) =>
    daysBetween(period.from, period.to).map((d) => map.get(dayKey(d))!);
  /** A period's cell: the sum of its days' cells, masked unless they are all shown. */
  const sumOf = (parts: number[]) => {
    const id = cell(sum(parts.map((p) => values[p]!)));
    sums.push({ id, parts });
    return id;
  };

  function cube(measure: "added" | "withdrawn") {
    const map = new Map<string, Cube>();
    for (const day of days) {
      const of = (channel: string | null, scope: string | null) =>
        sum(
          (byDay.get(day) ?? [])
            .filter((r) => (channel === null || r.source === channel) && (scope === null || r.scope === scope))
            .map((r) => r[measure]),
        );
      const c = {
        total: cell(of(null, null)),
        channel: CHANNELS.map((k) => cell(of(k, null))),
        scope: SCOPES.map(([s]) => cell(of(null, s))),
      };
      dayRelations.push([c.total, ...c.channel], [c.total, ...c.scope]);
      map.set(dayKey(day), c);
    }
    for (const period of periods) {
      const parts = daysOf(map, period);
      map.set(nodeKey(period), {
        total: sumOf(parts.map((c) => c.total)),
        channel: CHANNELS.map((_, k) => sumOf(parts.map((c) => c.channel[k]!))),
        scope: SCOPES.map((_, j) => sumOf(parts.map((c) => c.scope[j]!))),
      });
    }
    return map;
  }

  const complaints = new Map<string, ComplaintCells>();
  const verdictKeys = [...VERDICTS, null];
  for (const day of days) {
    const of = (verdict: string | null | undefined) =>
      sum(
        (complaintsByDay.get(day) ?? []).filter((r) => verdict === undefined || r.verdict === verdict).map((r) => r.n),
      );
    const entry = { received: cell(of(undefined)), verdicts: verdictKeys.map((v) => cell(of(v))) };
    dayRelations.push([entry.received, ...entry.verdicts]);
    complaints.set(dayKey(day), entry);
  }
  for (const period of periods) {
    const parts = daysOf(complaints, period);
    complaints.set(nodeKey(period), {
      received: sumOf(parts.map((c) => c.received)),
      verdicts: verdictKeys.map((_, i) => sumOf(parts.map((c) => c.verdicts[i]!))),
    });
  }
  const added = cube("added");
  const withdrawn = cube("withdrawn");

  // Days first; then each week's and month's cell from its days.
  const hidden = suppressLinked(values, dayRelations);
  for (const { id, parts } of sums) hidden[id] = parts.some((p) => hidden[p]);

  const senderRelations: number[][] = [];
  const locked = new Set<number>();
  const senders = new Map<string, SenderCells[]>();
  const sectors = new Map<string, SectorCells[]>();
  const sources = new Map<string, SourceCells[]>();
  const sourceKinds = new Map<string, SourceKindCells[]>();
  for (const month of grid.months) {
    const monthRows = rows.senders.filter((s) => s.month === month.id);
    const named = monthRows.filter((s) => s.minted >= publishMinLinks);
    const senderCells = named.map((s) => ({
      ...s,
      refusals: cell(s.refusals),
      complaints: cell(s.complaints),
      violations: cell(s.violations),
    }));
    const sectorCells = SECTORS.flatMap((sector) => {
      const inSector = senderCells.filter((c) => c.sector === sector);
      if (inSector.length === 0) return [];
      const total = (key: "refusals" | "complaints" | "violations") => {
        const id = cell(sum(inSector.map((c) => values[c[key]]!)));
        senderRelations.push([id, ...inSector.map((c) => c[key])]);
        return id;
      };
      const minted = sum(inSector.map((c) => c.minted));
      return [
        {
          sector,
          senders: inSector,
          minted,
          refusals: total("refusals"),
          complaints: total("complaints"),
          violations: total("violations"),
        },
      ];
    });
    // Where the named senders are all there is, their sectors add up to the month's published totals.
    const unnamed = (key: "refusals" | "complaints" | "violations") =>
      sum(monthRows.filter((s) => s.minted < publishMinLinks).map((s) => s[key]));
    const attributed = (key: "complaints" | "violations") => sum(monthRows.map((s) => s[key]));
    const node = nodeKey(month);
    const c = complaints.get(node)!;
    const tie = (monthCell: number, key: "refusals" | "complaints" | "violations") => {
      locked.add(monthCell);
      senderRelations.push([monthCell, ...sectorCells.map((s) => s[key])]);
    };
    if (unnamed("refusals") === 0) tie(added.get(node)!.scope[1]!, "refusals");
    if (unnamed("complaints") === 0 && attributed("complaints") === values[c.received]) tie(c.received, "complaints");
    if (unnamed("violations") === 0 && attributed("violations") === values[c.verdicts[0]!])
      tie(c.verdicts[0]!, "violations");
    senders.set(month.id, senderCells);
    sectors.set(month.id, sectorCells);
    const { named: namedSources, kinds } = sourceCellsOf(
      rows.sources.filter((s) => s.month === month.id),
      publishMinLinks,
      cell,
    );
    for (const relation of kinds.relations) senderRelations.push(relation);
    // Every refusal of a source is of a broker's or a partner's list: the kinds add up to the month's scope cell.
    const monthOfSources = added.get(node)!.scope[2]!;
    locked.add(monthOfSources);
    const refusedKinds = kinds.cells.flatMap((k) => (k.refusals === null ? [] : [k.refusals]));
    if (refusedKinds.length > 0) senderRelations.push([monthOfSources, ...refusedKinds]);
    sources.set(month.id, namedSources);
    sourceKinds.set(month.id, kinds.cells);
  }
  const final = suppressLinked(values, senderRelations, hidden, locked);

  const inForce = new Map<string, { all: number; sender: number }>();
  let running = { ...rows.inForceBefore };
  for (const day of days) {
    for (const r of byDay.get(day) ?? [])
      running =
        r.scope === "all"
          ? { ...running, all: running.all + r.net }
          : r.scope === "sender"
            ? { ...running, sender: running.sender + r.net }
            : running;
    inForce.set(day, running);
  }
  const relations = [...dayRelations, ...sums.map(({ id, parts }) => [id, ...parts]), ...senderRelations];
  return {
    system: { values, hidden: final, relations },
    added,
    withdrawn,
    complaints,
    senders,
    sectors,
    sources,
    sourceKinds,
    inForce,
  };
}
