import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi";

describe("buildOpenApiDocument", () => {
  const doc = buildOpenApiDocument("https://stopsms.example/");

  it("is OpenAPI 3.1 describing every protocol endpoint", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers[0]!.url).toBe("https://stopsms.example/api/v1");
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/complaints",
      "/complaints/{id}/response",
      "/keywords",
      "/links",
      "/log/consistency",
      "/log/inclusion",
      "/log/tree-head",
      "/log/tree-heads",
      "/numbers/events",
      "/openapi.json",
      "/senders",
      "/suppressions/ack",
      "/suppressions/changes",
      "/suppressions/check",
      "/suppressions/snapshot",
    ]);
  });

  it("carries the handlers' limits from the zod schemas", () => {
    const body = doc.paths["/suppressions/check"].post.requestBody.content["application/json"].schema as {
      properties: { phones: { maxItems: number } };
    };
    expect(body.properties.phones.maxItems).toBe(100_000);
    const limit = doc.paths["/suppressions/changes"].get.parameters.find((p) => p.name === "limit") as unknown as {
      schema: { maximum: number };
    };
    expect(limit.schema.maximum).toBe(10_000);
    const links = doc.paths["/links"].post.requestBody.content["application/json"].schema as {
      properties: { expires_in_days: { minimum: number; maximum: number } };
    };
    expect(links.properties.expires_in_days).toMatchObject({ minimum: 1, maximum: 365 });
  });
});
