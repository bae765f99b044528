import { describe, expect, it } from "vitest";
import { moroccanDayEnd, moroccanMidnight } from "./time-zone";

describe("Moroccan days", () => {
  it("begin at midnight in the day's own offset: UTC+1, and UTC+0 during Ramadan", () => {
    expect(moroccanMidnight("2026-12-05").toISOString()).toBe("2026-12-04T23:00:00.000Z");
    // 1 March 2026 is in Ramadan: Morocco is on UTC.
    expect(moroccanMidnight("2026-03-01").toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(moroccanDayEnd("2026-03-01").toISOString()).toBe("2026-03-02T00:00:00.000Z");
  });
});
