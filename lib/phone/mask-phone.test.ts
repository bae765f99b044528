import { randomInt } from "node:crypto";
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { describe, expect, it } from "vitest";
import { maskPhone } from "./mask-phone";

/** The library's own formatting, masked as maskPhone does for any number. */
function maskedByLibrary(e164: string): string {
  const international = parsePhoneNumberFromString(e164)!.formatInternational();
  let seen = 0;
  const national = international.slice(4).trim();
  const total = national.replace(/\D/g, "").length;
  return `+212 ${national.replace(/\d/g, (d) => (++seen === 1 || seen > total - 2 ? d : "•"))}`;
}

describe("maskPhone", () => {
  it("keeps the first national digit and the last two", () => {
    expect(maskPhone("+212612345678")).toBe("+212 6 •• •• •• 78");
    expect(maskPhone("+33612345678")).toBe("+33 6 •• •• •• 78");
  });

  it("masks Moroccan mobiles without the library exactly as the library's formatting would", () => {
    for (let i = 0; i < 2000; i++) {
      const e164 = `+212${randomInt(6, 8)}${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;
      expect(maskPhone(e164), e164).toBe(maskedByLibrary(e164));
    }
  });
});
