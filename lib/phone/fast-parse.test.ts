import fc from "fast-check";
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";
import { describe, expect, it } from "vitest";
import { fastParsePhone } from "./fast-parse";

function library(input: string, region: string): string | null {
  const phone = parsePhoneNumberFromString(input, region as CountryCode);
  return phone?.isValid() ? phone.number : null;
}

// Regions with one country per calling code, shared calling codes (+212 MA/EH, +1, +7, +44), no
// national prefix (IT) and national prefixes the fast path leaves to the library (AR, BR).
const REGIONS = ["MA", "FR", "US", "CA", "GB", "DE", "IT", "RU", "KZ", "ES", "BE", "SN", "AR", "BR", "EH"];
const digits = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: min, maxLength: max });

describe("fastParsePhone", () => {
  it("reads the plain forms of Moroccan numbers", () => {
    expect(fastParsePhone("+212612345678", "MA")).toBe("+212612345678");
    expect(fastParsePhone("0612345678", "MA")).toBe("+212612345678");
    expect(fastParsePhone("+2126123456789", "MA")).toBeNull();
    expect(fastParsePhone("+33612345678", "MA")).toBeNull(); // another country: the library decides
  });

  it("never disagrees with libphonenumber when it answers", () => {
    let answered = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...REGIONS),
        fc.oneof(
          digits(6, 13).map((rest) => ({ kind: "intl", rest })),
          digits(6, 13).map((rest) => ({ kind: "national", rest })),
          // Mostly valid-looking Moroccan mobiles and fixed lines, so the "valid" branch is well covered.
          fc
            .tuple(fc.constantFrom("5", "6", "7", "8", "06", "07", "05", "0"), digits(7, 9))
            .map(([head, rest]) => ({ kind: "ma", rest: head + rest })),
        ),
        (region, { kind, rest }) => {
          const input =
            kind === "intl" ? `+${rest}` : kind === "ma" ? (rest.startsWith("0") ? rest : `+212${rest}`) : `0${rest}`;
          const fast = fastParsePhone(input, region);
          if (fast !== null) {
            answered++;
            expect(fast).toBe(library(input, region));
          }
        },
      ),
      { numRuns: 30_000 },
    );
    expect(answered).toBeGreaterThan(1_000);
  });

  it("answers for every valid Moroccan number written plainly, exactly as the library does", () => {
    for (let n = 0; n < 20_000; n++) {
      const national = String(500_000_000 + n * 17_519).slice(0, 9);
      for (const input of [`+212${national}`, `0${national}`]) {
        expect(fastParsePhone(input, "MA")).toBe(library(input, "MA"));
      }
    }
  });
});
