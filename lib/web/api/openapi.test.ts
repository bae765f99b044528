import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/web/api/openapi";

type Operation = {
  parameters?: { name: string; in: string; schema: Record<string, unknown> }[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  security?: unknown[];
};
const doc = buildOpenApiDocument("https://stopsms.example/") as unknown as {
  openapi: string;
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, { description: string }> };
};
const bodySchema = (p: string) => doc.paths[p]!.post!.requestBody!.content["application/json"]!.schema;

describe("the OpenAPI document, generated from the route table", () => {
  it("is OpenAPI 3.1 describing every protocol endpoint, the snapshot files (1.1) included", () => {
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
      "/sources",
      "/suppressions/ack",
      "/suppressions/changes",
      "/suppressions/check",
      "/suppressions/snapshot",
      "/suppressions/snapshot/files",
      "/suppressions/snapshot/files/{name}",
    ]);
  });

  it("carries the handlers' limits from the zod schemas", () => {
    const check = bodySchema("/suppressions/check") as { properties: { phones: { maxItems: number } } };
    expect(check.properties.phones.maxItems).toBe(100_000);
    const limit = doc.paths["/suppressions/changes"]!.get!.parameters!.find((p) => p.name === "limit")!;
    expect(limit.schema.maximum).toBe(10_000);
    const links = bodySchema("/links") as { properties: { expires_in_days: { minimum: number; maximum: number } } };
    expect(links.properties.expires_in_days).toMatchObject({ minimum: 1, maximum: 365 });
  });

  it("describes the RFC 9421 scheme; signed calls need it, the transparency log does not", () => {
    expect(doc.components.securitySchemes.rfc9421!.description).toMatch(/RFC 9421.*content-digest/);
    expect(doc.paths["/log/tree-head"]!.get!.security).toEqual([]);
    expect(doc.paths["/senders"]!.get!.security).toBeUndefined();
    expect(doc.paths["/suppressions/snapshot/files/{name}"]!.get!.parameters!.map((p) => p.name)).toContain("name");
  });

  it("is the committed public/openapi.json (regenerate: npm run openapi)", () => {
    const committed = JSON.parse(readFileSync(path.join(__dirname, "../../../public/openapi.json"), "utf8"));
    expect(committed).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument("https://stopsms.ma"))));
  });
});
