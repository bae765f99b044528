import { describe, expect, it } from "vitest";
import { splitForParallel } from "./split-for-parallel";

describe("splitForParallel", () => {
  it("keeps short lists whole, halves long ones, and loses or repeats nothing", () => {
    expect(splitForParallel([])).toEqual([]);
    expect(splitForParallel([1, 2, 3])).toEqual([[1, 2, 3]]);
    const long = Array.from({ length: 100_001 }, (_, i) => i);
    const pieces = splitForParallel(long);
    expect(pieces.map((p) => p.length)).toEqual([50_001, 50_000]);
    expect(pieces.flat()).toEqual(long);
  });
});
