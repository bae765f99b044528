import { describe, expect, it } from "vitest";
import { isE164, parsePhone } from "./parse-phone";
import { maskPhone } from "./mask-phone";
import { parsePhoneList } from "./parse-phone-list";

describe("parsePhone", () => {
  it.each([
    ["0612345678", "+212612345678"],
    ["06 12 34 56 78", "+212612345678"],
    ["+212 6 12 34 56 78", "+212612345678"],
    ["00212612345678", "+212612345678"],
    ["(+212) 6-12-34-56-78", "+212612345678"],
    ["٠٦١٢٣٤٥٦٧٨", "+212612345678"],
    ["۰۶۱۲۳۴۵۶۷۸", "+212612345678"],
    ["+33 6 12 34 56 78", "+33612345678"],
    ["0712345678", "+212712345678"],
  ])("reads %s as %s", (input, expected) => {
    expect(parsePhone(input, "MA")).toEqual({ ok: true, e164: expected });
  });

  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["hello", "not-a-number"],
    ["12", "too-short"],
    ["+2126123456789", "too-long"],
    ["9".repeat(80), "too-long"],
    ["0112345678", "invalid"],
  ])("refuses %j with reason %s", (input, reason) => {
    expect(parsePhone(input, "MA")).toEqual({ ok: false, reason });
  });

  it("uses the configured default region for national numbers", () => {
    expect(parsePhone("06 12 34 56 78", "FR")).toEqual({ ok: true, e164: "+33612345678" });
  });

  it("recognises E.164", () => {
    expect(isE164("+212612345678")).toBe(true);
    expect(isE164("0612345678")).toBe(false);
    expect(isE164("+0612345678")).toBe(false);
  });
});

describe("maskPhone", () => {
  it("keeps the country code, first digit and last two digits", () => {
    expect(maskPhone("+212612345678")).toBe("+212 6 •• •• •• 78");
    expect(maskPhone("+33612345678")).toBe("+33 6 •• •• •• 78");
  });

  it("never shows more than four digits of the subscriber number", () => {
    const shown = maskPhone("+212612345678")
      .replace(/^\+212/, "")
      .replace(/\D/g, "");
    expect(shown.length).toBeLessThanOrEqual(3);
  });
});

describe("parsePhoneList", () => {
  it("keeps each valid number once, in first-seen order, and says why the others are refused", () => {
    expect(parsePhoneList(["0712345678", "+212612345678", "0612345678", "12", "hello"], "MA")).toEqual({
      phones: ["+212712345678", "+212612345678"],
      invalid: [
        { input: "12", reason: "too-short" },
        { input: "hello", reason: "not-a-number" },
      ],
    });
  });
});
