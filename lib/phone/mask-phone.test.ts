import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { maskFormatted, maskPhone } from "./mask-phone";

describe("maskPhone", () => {
  it("keeps the first national digit and the last two", () => {
    expect(maskPhone("+212612345678")).toBe("+212 6 •• •• •• 78");
    expect(maskPhone("+33612345678")).toBe("+33 6 •• •• •• 78");
  });

  it("masks Moroccan mobiles without the library exactly as the library's formatting would", () => {
    for (let i = 0; i < 2000; i++) {
      const e164 = `+212${randomInt(6, 8)}${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;
      expect(maskPhone(e164), e164).toBe(maskFormatted(e164));
    }
  });
});
