import { describe, expect, it } from "vitest";
import { translatorFor } from "./translator";

describe("counts read as words, not as 'minute(s)'", () => {
  it("in French, English and Arabic", () => {
    expect(translatorFor("fr")("Common.rateLimitedBody", { minutes: 1 })).toContain("dans 1 minute.");
    expect(translatorFor("fr")("Common.rateLimitedBody", { minutes: 5 })).toContain("dans 5 minutes.");
    expect(translatorFor("en")("Number.errors.code-wrong", { tries: 1 })).toContain("1 try left");
    expect(translatorFor("en")("Number.errors.code-wrong", { tries: 3 })).toContain("3 tries left");
    expect(translatorFor("ar")("Number.errors.wait", { minutes: 2 })).toContain("دقيقتين");
    expect(translatorFor("ar")("Number.errors.wait", { minutes: 5 })).toContain("5 دقائق");
    for (const locale of ["fr", "en", "ar"] as const)
      expect(translatorFor(locale)("Number.errors.sms-busy", { minutes: 7 })).not.toMatch(/\(s\)|\{/);
  });
});
