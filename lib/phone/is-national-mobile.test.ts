import { describe, expect, it } from "vitest";
import { isNationalMobile, numberPrefix } from "./is-national-mobile";

describe("national mobile numbers", () => {
  it("accepts Moroccan mobiles, refuses fixed lines, other countries and premium-rate numbers", () => {
    expect(isNationalMobile("+212612345678", "MA")).toBe(true);
    expect(isNationalMobile("+212712345678", "MA")).toBe(true);
    expect(isNationalMobile("+212522123456", "MA")).toBe(false); // Casablanca fixed line
    expect(isNationalMobile("+33612345678", "MA")).toBe(false); // a French mobile
    expect(isNationalMobile("+447700900123", "MA")).toBe(false);
    expect(isNationalMobile("+33899123456", "FR")).toBe(false); // French premium rate
  });

  it("groups numbers by country code and first three national digits", () => {
    expect(numberPrefix("+212612345678")).toBe("+212612");
  });
});
