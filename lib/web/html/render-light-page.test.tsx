import { describe, expect, it } from "vitest";
import { LIGHT_CSS } from "@/lib/generated/light-css";
import { readFormToken, withoutFormTokens } from "@/lib/web/form-token";
import { citizenPage } from "@/lib/web/html/citizen-document";
import { renderDocument } from "@/lib/web/html/document-response";
import { renderLightPage } from "@/lib/web/html/render-light-page";
import { staticMarkup } from "@/lib/web/html/static-markup";

describe("a light page", () => {
  const page = {
    title: 'Refus & "reçu"',
    currentPath: "/Ab3dEf7h",
    body: (
      <>
        <h1>{"Atlas <Bank>"}</h1>
        <form method="post" action="/stop/submit">
          <button>رفض</button>
        </form>
      </>
    ),
  };

  it("is the citizen document React renders, byte for byte, with one form token in every post form", () => {
    for (const locale of ["fr", "ar", "en"] as const) {
      const bytes = renderLightPage({ locale, ...page });
      const text = bytes.toString("utf8");
      expect(Buffer.byteLength(text)).toBe(bytes.length);
      const tokens = [...text.matchAll(/name="ft" value="([^"]+)"/g)].map((m) => m[1]!);
      // The language buttons (a post form of the frame) and the body's form: one token, valid.
      expect(tokens).toHaveLength(2);
      expect(new Set(tokens).size).toBe(1);
      expect(readFormToken(tokens[0])).not.toBeNull();
      const byReact = renderDocument(
        citizenPage({
          locale,
          title: page.title,
          path: page.currentPath,
          noIndex: true,
          stylesheet: LIGHT_CSS,
          body: "BODY",
        }),
      ).replace("BODY", staticMarkup(page.body));
      const blank = (s: string) => withoutFormTokens(s).replace(/<input type="hidden" name="ft" value="<token>">/g, "");
      expect(blank(text), locale).toBe(blank(byReact));
    }
  });

  it("draws a new token for each page", () => {
    const token = () => /name="ft" value="([^"]+)"/.exec(renderLightPage({ locale: "fr", ...page }).toString())![1];
    expect(token()).not.toBe(token());
  });
});
