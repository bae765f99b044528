import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LinkedCells, suppressLinked } from "./linked-cells";
import { SUPPRESSED } from "./small-cells";

/** A week of days × channels with the day totals, the channel totals and the week total, as LinkedCells. */
function week(grid: number[][]) {
  const cells = new LinkedCells();
  const ids = grid.map((row) => row.map((v) => cells.cell(v)));
  const dayTotals = grid.map((row, d) => {
    const id = cells.cell(row.reduce((a, b) => a + b, 0));
    cells.relate([id, ...ids[d]!]);
    return id;
  });
  const channelTotals = grid[0]!.map((_, k) => {
    const id = cells.cell(grid.reduce((a, row) => a + row[k]!, 0));
    cells.relate([id, ...ids.map((row) => row[k]!)]);
    return id;
  });
  const total = cells.cell(grid.flat().reduce((a, b) => a + b, 0));
  cells.relate([total, ...dayTotals]);
  cells.relate([total, ...channelTotals]);
  return { cells, ids, dayTotals, channelTotals, total };
}

describe("suppression across linked tables", () => {
  it("hides a day's total's partner day when the week total would give it back, and a channel of that day", () => {
    // Monday has 4 refusals (hidden): the week total minus the other days would give it back.
    const { cells, dayTotals, ids } = week([
      [4, 0],
      [30, 20],
      [25, 12],
      [40, 40],
    ]);
    expect(cells.published(dayTotals[0]!)).toBe(SUPPRESSED);
    expect(dayTotals.filter((id) => cells.isHidden(id))).toHaveLength(2);
    // The partner day's total is hidden, so one of its channels must be too (else the total = their sum).
    const partner = dayTotals.findIndex((id, d) => d > 0 && cells.isHidden(id));
    expect(ids[partner]!.filter((id) => cells.isHidden(id)).length).toBeGreaterThanOrEqual(1);
  });

  it("publishes everything when nothing is below 10", () => {
    const { cells, ids, total } = week([
      [10, 20],
      [0, 30],
    ]);
    expect(ids.flat().map((id) => cells.published(id))).toEqual([10, 20, 0, 30]);
    expect(cells.published(total)).toBe(60);
  });

  it("never leaves a relation with exactly one hidden cell, hides every 1–9 and only ever hides (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.oneof(fc.nat({ max: 12 }), fc.nat({ max: 200 })), { minLength: 4, maxLength: 4 }), {
          minLength: 1,
          maxLength: 7,
        }),
        (grid) => {
          // The same week as above, as plain values and relations.
          const values = grid.flat();
          const at = (d: number, k: number) => d * 4 + k;
          const relations: number[][] = [];
          const dayTotals = grid.map((row, d) => {
            values.push(row.reduce((a, b) => a + b, 0));
            relations.push([values.length - 1, ...row.map((_, k) => at(d, k))]);
            return values.length - 1;
          });
          const channelTotals = [0, 1, 2, 3].map((k) => {
            values.push(grid.reduce((a, row) => a + row[k]!, 0));
            relations.push([values.length - 1, ...grid.map((_, d) => at(d, k))]);
            return values.length - 1;
          });
          values.push(grid.flat().reduce((a, b) => a + b, 0));
          relations.push([values.length - 1, ...dayTotals], [values.length - 1, ...channelTotals]);

          const hidden = suppressLinked(values, relations);
          values.forEach((v, id) => {
            if (v > 0 && v < 10) expect(hidden[id]).toBe(true);
            if (v === 0) expect(hidden[id]).toBe(false);
          });
          for (const cells of relations) expect(cells.filter((id) => hidden[id]).length).not.toBe(1);
        },
      ),
    );
  });
});
