import { randomInt } from "node:crypto";

export interface NumberRange {
  first: bigint;
  last: bigint;
}

/** "+212699900000-+212699999999,…" → ranges (the environment schema has checked the form). */
export function parseCanaryRanges(text: string): NumberRange[] {
  return text.split(",").map((pair) => {
    const [first, last] = pair.split("-").map((n) => BigInt(n.slice(1))) as [bigint, bigint];
    if (last < first) throw new Error(`STOPSMS_CANARY_RANGES: ${pair} ends before it starts`);
    return { first, last };
  });
}

/** A number drawn uniformly from the ranges (weighted by their sizes), in E.164. */
export function drawCanaryNumber(ranges: NumberRange[]): string {
  const sizes = ranges.map((r) => r.last - r.first + 1n);
  const total = sizes.reduce((a, b) => a + b, 0n);
  // randomInt takes at most 2^48 - 1: enough for any national numbering plan's range.
  let pick = BigInt(randomInt(0, Number(total < 2n ** 47n ? total : 2n ** 47n)));
  for (let i = 0; i < ranges.length; i++) {
    if (pick < sizes[i]!) return `+${ranges[i]!.first + pick}`;
    pick -= sizes[i]!;
  }
  return `+${ranges[0]!.first}`;
}
