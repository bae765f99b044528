import { describe, expect, it } from "vitest";
import { moroccanDayEnd, moroccanDayRange, moroccanMidnight } from "./time-zone";

describe("Moroccan days", () => {
  it("begin at midnight in the day's own offset: UTC+1, and UTC+0 during Ramadan", () => {
    expect(moroccanMidnight("2026-12-05").toISOString()).toBe("2026-12-04T23:00:00.000Z");
    // 1 March 2026 is in Ramadan: Morocco is on UTC.
    expect(moroccanMidnight("2026-03-01").toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(moroccanDayEnd("2026-03-01").toISOString()).toBe("2026-03-02T00:00:00.000Z");
  });

  it("make a filter's range of days, ignoring what is not a real day (never an error)", () => {
    expect(moroccanDayRange("2026-12-05", "2026-12-05")).toEqual({
      gte: new Date("2026-12-04T23:00:00.000Z"),
      lt: new Date("2026-12-05T23:00:00.000Z"),
    });
    expect(moroccanDayRange(undefined, "2026-03-01")).toEqual({ lt: new Date("2026-03-02T00:00:00.000Z") });
    expect(moroccanDayRange("2026-13-45", "yesterday")).toBeUndefined();
    expect(moroccanDayRange("2026-02-30")).toBeUndefined();
  });
});
