import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/web/api/openapi";
import { ENDPOINT_EXAMPLES, fillExample } from "./endpoint-examples";
import { responses } from "./response-schemas";
import ar from "@/lib/i18n/messages/ar.json";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";

describe("the examples on /developers", () => {
  it("cover every endpoint of the OpenAPI description (but itself)", () => {
    const documented = Object.entries(buildOpenApiDocument("https://stopsms.test").paths).flatMap(([path, ops]) =>
      Object.keys(ops as object).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const shown = ENDPOINT_EXAMPLES.map((e) => `${e.method} ${e.path.split("?")[0]!.replace("{complaint}", "{id}")}`);
    // A snapshot file is gzip, not JSON: the manifest's example shows the url to fetch it at.
    const notShown = ["GET /openapi.json", "GET /suppressions/snapshot/files/{name}"];
    expect(documented.filter((d) => !notShown.includes(d)).sort()).toEqual([...new Set(shown)].sort());
  });

  it("each have their description on /developers, in every language", () => {
    for (const messages of [fr, ar, en])
      for (const example of ENDPOINT_EXAMPLES)
        expect(messages.Developers.endpoints, example.id).toHaveProperty([example.id]);
  });

  it("show answers that follow the API's own response schemas", () => {
    for (const example of ENDPOINT_EXAMPLES) {
      const filled = fillExample(example, { sender: "souk-market", seq: 1042, size: 1043, complaint: "C-4KX9M-2QWPT" });
      expect(
        () => responses[example.schema].parse(JSON.parse(JSON.stringify(filled.answer))),
        example.id,
      ).not.toThrow();
    }
  });

  it("fill placeholders as strings, and numbers where the body needs one", () => {
    const ack = fillExample(
      ENDPOINT_EXAMPLES.find((e) => e.id === "ack")!,
      { seq: 7 },
    );
    expect(ack.body).toEqual({ applied: 7 });
    expect(
      fillExample(
        ENDPOINT_EXAMPLES.find((e) => e.id === "inclusion")!,
        { size: 9 },
      ).path,
    ).toBe("/log/inclusion?index=0&size=9");
  });
});
