import { describe, expect, it } from "vitest";
import { gridPeriods, parseGridPeriod, senderMonthOf } from "./grid";

// 2026-11-25 is a Wednesday; noon in Casablanca.
const now = new Date("2026-11-25T11:00:00Z");

describe("the grid of published periods", () => {
  it("publishes finished ISO weeks and months of the last 13 months, newest first", () => {
    const { weeks, months, days } = gridPeriods(now);
    expect(weeks[0]).toEqual({ kind: "week", id: "2026-W47", from: "2026-11-16", to: "2026-11-22" });
    expect(months[0]).toEqual({ kind: "month", id: "2026-10", from: "2026-10-01", to: "2026-10-31" });
    expect(months).toHaveLength(13);
    expect(months.at(-1)!.id).toBe("2025-10");
    expect(days).toEqual({ from: "2025-09-29", to: "2026-11-22" });
    expect(weeks.at(-1)!.from).toBe("2025-09-29");
  });

  it("names ISO weeks across a year's end (2026-W53 exists, 2027-W01 starts on 4 January)", () => {
    const late = new Date("2027-01-20T11:00:00Z");
    const ids = gridPeriods(late).weeks.map((w) => w.id);
    expect(ids.slice(0, 3)).toEqual(["2027-W02", "2027-W01", "2026-W53"]);
    expect(parseGridPeriod({ period: "2026-W53" }, late)).toMatchObject({ from: "2026-12-28", to: "2027-01-03" });
  });

  it("reads a period, maps the old presets, and refuses anything off the grid", () => {
    expect(parseGridPeriod({}, now)!.id).toBe("2026-W47");
    expect(parseGridPeriod({ range: "7d" }, now)!.id).toBe("2026-W47");
    expect(parseGridPeriod({ range: "custom" }, now)!.id).toBe("2026-10");
    expect(parseGridPeriod({ period: "2026-09" }, now)).toMatchObject({ from: "2026-09-01", to: "2026-09-30" });
    for (const period of ["2026-11", "2026-W48", "2016-01", "2026-W99", "2026-13", "x", "2026-11-01"])
      expect(parseGridPeriod({ period }, now), period).toBeNull();
  });

  it("gives a week's senders the month of its Thursday, or the last finished month while that one runs", () => {
    expect(senderMonthOf(parseGridPeriod({ period: "2026-W47" }, now)!, now).id).toBe("2026-10");
    expect(senderMonthOf(parseGridPeriod({ period: "2026-W40" }, now)!, now).id).toBe("2026-10");
    expect(senderMonthOf(parseGridPeriod({ period: "2026-W39" }, now)!, now).id).toBe("2026-09");
  });
});
