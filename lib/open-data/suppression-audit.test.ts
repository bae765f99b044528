import { describe, expect, it } from "vitest";
import { disclosedCells } from "./audit-suppression";
import { gridPeriods } from "./grid";
import { buildOpenLattice, nodeKey } from "./open-lattice";
import { daysBetween } from "./open-period";
import type { OpenRows } from "./read-open-rows";

// Every file the open data can publish in a window (each week, each month, their days, the month's senders and
// sectors), attacked at once: no combination of the published totals gives back a hidden cell.

function random(seed: number) {
  return (max: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return Math.floor((seed / 2 ** 31) * (max + 1));
  };
}

function syntheticRows(days: string[], seed: number, scale: number): OpenRows {
  const r = random(seed);
  const rollups: OpenRows["rollups"] = [];
  const complaints: OpenRows["complaints"] = [];
  for (const day of days) {
    // Busy and quiet channels: links by the dozen, the web a few, STOP and staff rarely.
    for (const [source, max] of [
      ["link", 60],
      ["web", 15],
      ["keyword", 6],
      ["staff", 2],
    ] as const)
      for (const scope of ["all", "sender", "source"]) {
        const added = r(Math.round(max * scale));
        const withdrawn = r(3);
        if (added + withdrawn > 0) rollups.push({ day, source, scope, added, withdrawn, net: added - withdrawn });
      }
    for (const verdict of ["violation", "within-deadline", "no-opposition", null])
      if (r(3) > 1) complaints.push({ day, verdict, n: 1 + r(4) });
  }
  const senders: OpenRows["senders"] = [];
  for (const month of new Set(days.map((d) => d.slice(0, 7))))
    for (let i = 0; i < 6; i++)
      senders.push({
        month,
        code: `s${i}`,
        name: `S${i}`,
        sector: ["banking", "telecom", "retail"][i % 3]!,
        minted: 500 + r(2000),
        refusals: r(40 * scale),
        complaints: r(6),
        violations: r(2),
      });
  // List sources (1.2): the advertisers' own numbers, brokers and partners, some above the threshold, some
  // below it; their source refusals add up to the month's scope cell (the same rollups, per source).
  const sources: OpenRows["sources"] = [];
  for (const month of new Set(days.map((d) => d.slice(0, 7)))) {
    let left = rollups.filter((x) => x.day.startsWith(month) && x.scope === "source").reduce((a, x) => a + x.added, 0);
    sources.push({ month, code: null, name: null, kind: "own", minted: 5000 + r(5000), refusals: 0, noConsent: r(12) });
    for (let i = 0; i < 5; i++) {
      const refusals = i === 4 ? left : Math.min(left, r(Math.round(30 * scale)));
      left -= refusals;
      sources.push({
        month,
        code: `src${i}`,
        name: `Source ${i}`,
        kind: i % 2 === 0 ? "broker" : "partner",
        minted: [3000, 200, 1500, 40, 2500][i]! + r(500),
        refusals,
        noConsent: r(i === 1 ? 3 : 15),
      });
    }
  }
  return { rollups, complaints, senders, sources, inForceBefore: { all: 1000, sender: 500 } };
}

describe("small-cell suppression against every combination of published totals", () => {
  // Two months of weeks and months: the same structure as 13, small enough for exact elimination.
  const full = gridPeriods(new Date("2026-11-25T11:00:00Z"));
  const months = full.months.slice(0, 2);
  const weeks = full.weeks.filter((w) => w.to >= months[1]!.from);
  const grid = { weeks, months, days: { from: weeks.at(-1)!.from, to: full.days.to } };
  const days = daysBetween(grid.days.from, grid.days.to);

  it.each([
    [1, 1],
    [2, 0.3],
    [3, 0.1],
    [4, 1],
    [5, 0.05],
  ])("seed %i, traffic × %f: no hidden cell is fixed by the published equations", (seed, scale) => {
    const lattice = buildOpenLattice(syntheticRows(days, seed, scale), grid, 1000);
    const { system } = lattice;
    const masked = system.hidden.filter(Boolean).length;
    // The sources' tables are there: named ones above the threshold, each kind with its cells.
    expect(lattice.sources.get(months[0]!.id)!.map((s) => s.code)).toEqual(["src0", "src2", "src4"]);
    expect(lattice.sourceKinds.get(months[0]!.id)!.map((k) => k.kind)).toEqual(["own", "broker", "partner"]);
    expect(masked).toBeGreaterThan(0);
    expect(disclosedCells(system)).toEqual([]);
    // Not a blank publication: with a city's traffic every week's and month's total is shown.
    if (scale >= 1)
      for (const period of [...weeks, ...months])
        expect(system.hidden[lattice.added.get(nodeKey(period))!.total], period.id).toBe(false);
  });

  it("the attack finds what a naive publication gives away (the audit can fail)", () => {
    // A week total published beside its days, one day masked and nothing else: total − the others.
    const naive = { hidden: [false, false, true, false, false], relations: [[4, 0, 1, 2, 3]] };
    expect(disclosedCells(naive)).toEqual([2]);
    // Masking the week too leaves the day unknown.
    expect(disclosedCells({ ...naive, hidden: [false, false, true, false, true] })).toEqual([]);
  });
});
