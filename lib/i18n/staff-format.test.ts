import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatDecimal, formatDuration, formatNumber, formatTickDay } from "./staff-format";

describe("the staff area's formats", () => {
  it("groups numbers with a narrow no-break space and writes decimals with a comma", () => {
    expect(formatNumber(3200)).toBe("3\u202f200");
    expect(formatDecimal(12.54)).toBe("12,5");
  });

  it("writes dates as 24/11/2026 in Moroccan time, and chart ticks as 24 nov.", () => {
    expect(formatDate(new Date("2026-11-24T23:30:00Z"))).toBe("25/11/2026");
    expect(formatDateTime(new Date("2026-11-24T13:05:00Z"))).toBe("24/11/2026 14:05");
    expect(formatTickDay("2026-11-24")).toBe("24 nov.");
  });

  it("writes durations in days and hours", () => {
    expect([0, 5, 24, 76, 2160].map(formatDuration)).toEqual(["0 h", "5 h", "1 j", "3 j 4 h", "90 j"]);
  });
});
