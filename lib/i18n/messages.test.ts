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

describe("one word per language for the citizen's act (#25 item 8)", () => {
  // The act is "refus / refuser", "refusal / refuse", "رفض". The legal notice alone names the statutory right
  // by its name in the law ("droit d'opposition", "حق التعرض"): that is the right's name, not the act's.
  // Arabic "تعرض" alone is also the verb "shows", so only the noun's forms are listed.
  const other: [string, object, RegExp][] = [
    ["fr", fr, /oppos/i],
    ["en", en, /oppos|object|opt(?:ing)?[- ]out/i],
    ["ar", ar, /اعتراض|معترض|متعرض|التعرض|تعرض(?:ك|ي|ات)|للتعرض|بالتعرض/],
  ];
  it.each(other)("%s uses one word everywhere but the legal notice's list of rights", (_, messages, word) => {
    const { Legal, ...rest } = messages as { Legal: { rights: string } };
    const { rights: _rights, ...legal } = Legal;
    expect(leaves({ ...rest, legal }).filter((text) => word.test(text))).toEqual([]);
  });

  it("calls the Arabic receipt one name (إيصال), never also وصل", () => {
    expect(
      leaves(ar).filter(
        (text) => /(?:^|[\s«(،])(?:ال|ل|ب)?وصل(?:ك|ه)?(?=[\s.:،»)]|$)/.test(text) && !/أين وصل|وصلك$/.test(text),
      ),
    ).toEqual([]);
  });
});
