import { describe, expect, it } from "vitest";
import { dayWindow } from "@/lib/complaints/assess-complaint";

// A report without a link says on which day the SMS came (stored at 12:00 UTC); the verdict compares the
// whole Moroccan day with the deadline. Morocco leaves UTC+1 for Ramadan: those days are not 24 hours long.
const at = (day: string) => new Date(`${day}T12:00:00Z`);

describe("the Moroccan day a report names", () => {
  it("is 24 hours on an ordinary day, from midnight at UTC+1", () => {
    expect(dayWindow(at("2026-06-10"))).toEqual({
      from: new Date("2026-06-09T23:00:00Z"),
      to: new Date("2026-06-10T22:59:59.999Z"),
    });
  });

  it("is 25 hours the day Morocco goes to UTC+0 for Ramadan (2026-02-15, 03:00 → 02:00)", () => {
    expect(dayWindow(at("2026-02-15"))).toEqual({
      from: new Date("2026-02-14T23:00:00Z"),
      to: new Date("2026-02-15T23:59:59.999Z"),
    });
  });

  it("is 23 hours the day Morocco comes back to UTC+1 (2026-03-22, 02:00 → 03:00)", () => {
    expect(dayWindow(at("2026-03-22"))).toEqual({
      from: new Date("2026-03-22T00:00:00Z"),
      to: new Date("2026-03-22T22:59:59.999Z"),
    });
  });

  it("is 24 hours at UTC+0 during Ramadan", () => {
    expect(dayWindow(at("2026-03-01"))).toEqual({
      from: new Date("2026-03-01T00:00:00Z"),
      to: new Date("2026-03-01T23:59:59.999Z"),
    });
  });
});
