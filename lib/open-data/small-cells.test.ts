import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { publishCount, publishGroup, publishRate, SUPPRESSED } from "./small-cells";

describe("small-cell suppression", () => {
  it("publishes 0 and 10 or more, and '< 10' for 1 to 9", () => {
    expect([0, 1, 9, 10, 12345].map(publishCount)).toEqual([0, SUPPRESSED, SUPPRESSED, 10, 12345]);
  });

  it("suppresses a second cell when a group with a published total would otherwise reveal its one small cell", () => {
    expect(publishGroup([3, 40, 25, 0])).toEqual([SUPPRESSED, 40, SUPPRESSED, 0]);
    expect(publishGroup([3, 4, 25])).toEqual([SUPPRESSED, SUPPRESSED, 25]);
    expect(publishGroup([30, 40])).toEqual([30, 40]);
  });

  it("never lets a single suppressed cell be derived from the total and the other cells (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 60 }), { minLength: 1, maxLength: 8 }), (cells) => {
        const out = publishGroup(cells);
        const hidden = out.map((c, i) => (c === SUPPRESSED ? cells[i]! : 0)).filter((n) => n > 0);
        // Either nothing is hidden, or the hidden part (total minus published cells) mixes two or more cells.
        expect(hidden.length === 0 || hidden.length >= 2 || cells.filter((n) => n > 0).length === 1).toBe(true);
        out.forEach((c, i) => expect(c === SUPPRESSED || c === cells[i]).toBe(true));
      }),
    );
  });

  it("suppresses a rate whose numerator is suppressed", () => {
    expect(publishRate(5, 2000)).toBe(SUPPRESSED);
    expect(publishRate(25, 2000)).toBe(12.5);
    expect(publishRate(25, 0)).toBeNull();
  });
});
