import { describe, expect, it } from "vitest";
import { openPeriod } from "./open-period";

// 2026-11-25 is a Wednesday; noon in Casablanca.
const now = new Date("2026-11-25T11:00:00Z");

describe("the period the open figures cover", () => {
  it("widens a range to whole weeks of finished days, senders to finished weeks", () => {
    expect(openPeriod({ from: "2026-11-04", to: "2026-11-25" }, now)).toEqual({
      days: { from: "2026-11-02", to: "2026-11-24" },
      weeks: { from: "2026-11-02", to: "2026-11-22" },
      mondays: ["2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"],
    });
  });

  it("gives the same period for any range inside the same weeks, so no two ranges differ by one day", () => {
    const a = openPeriod({ from: "2026-10-07", to: "2026-10-14" }, now);
    const b = openPeriod({ from: "2026-10-05", to: "2026-10-18" }, now);
    expect(a).toEqual(b);
    expect(a.days).toEqual({ from: "2026-10-05", to: "2026-10-18" });
  });

  it("shows the last finished week for senders when the range is inside the running week", () => {
    const p = openPeriod({ from: "2026-11-25", to: "2026-11-25" }, now);
    expect(p.days).toEqual({ from: "2026-11-23", to: "2026-11-24" });
    expect(p.weeks).toEqual({ from: "2026-11-16", to: "2026-11-22" });
  });

  it("on a Monday, the running week has no finished day yet: the last week is shown", () => {
    const monday = new Date("2026-11-23T10:00:00Z");
    expect(openPeriod({ from: "2026-11-23", to: "2026-11-23" }, monday).days).toEqual({
      from: "2026-11-16",
      to: "2026-11-22",
    });
  });
});
