import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoFromEpochMs } from "./iso-from-epoch-ms";

describe("isoFromEpochMs", () => {
  it("formats exactly like Date#toISOString", () => {
    // From 1970 to 2200, in runs of nearby instants so the day cache is both hit and missed.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7_258_118_400_000 }), fc.array(fc.integer({ min: -90_000_000, max: 90_000_000 }), { maxLength: 20 }), (base, offsets) => {
        for (const ms of [base, ...offsets.map((o) => Math.max(0, base + o))]) expect(isoFromEpochMs(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 5_000 },
    );
  });
});
