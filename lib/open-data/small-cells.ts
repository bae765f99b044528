// Small-cell suppression for everything published (issue 14): a count from 1 to 9 could point at a person
// (one sender, one day, a handful of refusals), so it is masked. Zero is published: it says nobody did
// something, which reveals no one. Every masked cell carries the same word, "masked", whatever the reason
// (1 to 9, or masked to protect another): "< 10" on a week of 40 would be untrue, and two words would tell
// a reader which cells are small.
//
// Complementary suppression: where a group's total is published too (a day's total over channels), a
// single suppressed cell would be that total minus the others. So a group with exactly one suppressed cell
// has its next smallest cell suppressed as well.

export const SUPPRESSED = "masked" as const;
export type PublishedCount = number | typeof SUPPRESSED;
export const MIN_PUBLISHED = 10;

export function publishCount(n: number): PublishedCount {
  return n > 0 && n < MIN_PUBLISHED ? SUPPRESSED : n;
}

/** The cells of one group whose total is published as well, suppressed so that no cell can be derived. */
export function publishGroup(cells: number[]): PublishedCount[] {
  const out: PublishedCount[] = cells.map(publishCount);
  const suppressed = out.filter((c) => c === SUPPRESSED).length;
  if (suppressed === 1) {
    let smallest = -1;
    cells.forEach((n, i) => {
      if (out[i] !== SUPPRESSED && n > 0 && (smallest < 0 || n < cells[smallest]!)) smallest = i;
    });
    if (smallest >= 0) out[smallest] = SUPPRESSED;
  }
  return out;
}

/** A rate per 1 000 published only when its numerator is: otherwise rate × denominator gives it back. */
export function publishRate(numerator: number, denominator: number, per = 1000): number | typeof SUPPRESSED | null {
  if (denominator === 0) return null;
  if (publishCount(numerator) === SUPPRESSED) return SUPPRESSED;
  return Math.round((numerator / denominator) * per * 10) / 10;
}
