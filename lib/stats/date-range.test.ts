import { describe, expect, it } from "vitest";
import { parseDateRange, rangeQuery } from "./date-range";

const now = new Date("2026-11-23T10:00:00Z");

describe("parseDateRange", () => {
  it("defaults to the last 30 days, today included", () => {
    expect(parseDateRange({}, now)).toEqual({ from: "2026-10-25", to: "2026-11-23", preset: "30d" });
  });
  it("knows the presets", () => {
    expect(parseDateRange({ range: "7d" }, now)).toMatchObject({ from: "2026-11-17", to: "2026-11-23" });
    expect(parseDateRange({ range: "90d" }, now).from).toBe("2026-08-26");
  });
  it("accepts a sane custom range and refuses the rest", () => {
    expect(parseDateRange({ range: "custom", from: "2026-11-01", to: "2026-11-10" }, now)).toEqual({
      from: "2026-11-01",
      to: "2026-11-10",
      preset: "custom",
    });
    expect(parseDateRange({ range: "custom", from: "2026-11-10", to: "2026-11-01" }, now).preset).toBe("30d");
    expect(parseDateRange({ range: "custom", from: "2026-11-01", to: "2027-01-01" }, now).preset).toBe("30d");
    expect(parseDateRange({ range: "custom", from: "nope", to: "2026-11-01" }, now).preset).toBe("30d");
  });
  it("round-trips through the query string", () => {
    expect(rangeQuery({ from: "2026-11-01", to: "2026-11-10", preset: "custom" })).toBe(
      "range=custom&from=2026-11-01&to=2026-11-10",
    );
    expect(rangeQuery(parseDateRange({ range: "7d" }, now))).toBe("range=7d");
  });
});
