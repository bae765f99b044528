import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import ar from "@/lib/i18n/messages/ar.json";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import { translatorIn } from "@/lib/i18n/translator";
import { isolated, senderNodes } from "./sender-nodes";

describe("names inside sentences (#25 item 5)", () => {
  it('isolates a Latin sender in an Arabic sentence (in French, the elided "d’" goes with it)', () => {
    const html = (node: React.ReactNode) => renderToStaticMarkup(<p>{node}</p>);
    expect(html(translatorIn("ar", "Number").rich("whatSender", senderNodes("Atlas Bank")))).toBe(
      "<p>الرسائل التجارية من <bdi>Atlas Bank</bdi></p>",
    );
    expect(html(translatorIn("fr", "Number").rich("whatSender", senderNodes("Atlas Bank")))).toBe(
      "<p>Les SMS commerciaux <bdi>d’Atlas Bank</bdi></p>",
    );
    expect(html(translatorIn("fr", "Receipt").rich("whatSource", isolated({ source: "Fichiers du Sud" })))).toContain(
      "<bdi>Fichiers du Sud</bdi>",
    );
  });

  it("marks every sender or source name of the React citizen pages for isolation, in every language", () => {
    // The light pages (Link.*) are rendered from strings by the landing template, where a name is followed by
    // an Arabic word in every sentence; the React pages go through t.rich with senderNodes/isolated.
    for (const messages of [fr, ar, en]) {
      for (const namespace of ["Receipt", "Number", "MyData", "Report"] as const) {
        for (const [key, text] of Object.entries(messages[namespace])) {
          // An error message is a string (the error summary links to its field): the name ends its clause.
          if (typeof text !== "string" || key === "didYouMean") continue;
          const bare = text.replace(/<name>\{(?:sender|deSender|source)\}<\/name>/g, "");
          expect(bare, `${namespace}.${key}`).not.toMatch(/\{(?:sender|deSender|source)\}/);
        }
      }
    }
  });
});
