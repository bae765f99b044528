import { describe, expect, it } from "vitest";
import ar from "./messages/ar.json";
import en from "./messages/en.json";
import fr from "./messages/fr.json";
import { CHANNELS, SCOPES } from "@/lib/open-data/open-lattice";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function leaves(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Object.values(value as object).flatMap(leaves);
}

describe("translations", () => {
  it("have exactly the same keys in French, Arabic and English", () => {
    expect(keys(ar).sort()).toEqual(keys(fr).sort());
    expect(keys(en).sort()).toEqual(keys(fr).sort());
  });

  it("name every channel and scope the open statistics publish (a new scope is a new column on /statistics)", () => {
    for (const messages of [fr, ar, en]) {
      for (const [, scope] of SCOPES) expect(messages.Statistics.scopes, scope).toHaveProperty([scope]);
      for (const channel of CHANNELS) expect(messages.Statistics.channels, channel).toHaveProperty([channel]);
    }
  });

  it("leave no French sentence in the Arabic messages", () => {
    // Latin text allowed in Arabic: product and institution names, format names, examples, URLs, placeholders.
    const allowed =
      /StopSMS|STOP|JSON|CSV|PDF|WCAG 2\.1|JavaScript|axe|CNDP|SHA-256|RFC 9162|\{[a-z]+, plural,|\b(?:zero|one|two|few|many|other) \{|R-7F3KQ-92QDX|www\.cndp\.ma|\{[a-z]+\}|<\/?[a-z]+>|\+?\d[\d\s]*/g;
    const { Developers: developers, ...rest } = ar;
    const offenders = leaves(rest).filter((text) => /[A-Za-zÀ-ÿ]{3,}/.test(text.replace(allowed, "")));
    expect(offenders).toEqual([]);
    // The API page names the protocol's fields, headers and error codes as the protocol spells them; its
    // sentences are still Arabic (a product name alone, such as Node.js, is a title, not a sentence).
    expect(leaves(developers).filter((text) => text !== "Node.js" && !/[\u0600-\u06FF]/.test(text))).toEqual([]);
  });
});
