import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { labelOf, ROUTES, routeFor } from "@/lib/web/routes";

const root = path.resolve(__dirname, "../..");

/** Every page and route file under app/, with the URL path Next gives it (groups and private folders dropped). */
function appFiles(): { file: string; path: string }[] {
  return readdirSync(path.join(root, "app"), { recursive: true, encoding: "utf8" })
    .filter((f) => /(^|\/)(page\.tsx|route\.tsx?)$/.test(f))
    .map((f) => {
      const segments = path
        .dirname(f)
        .split("/")
        .filter((s) => s !== "." && !/^\(.*\)$/.test(s));
      return { file: `app/${f}`, path: `/${segments.join("/")}` };
    });
}

/** The HTTP methods a route file exports (a page answers GET). */
function exportedMethods(file: string): string[] {
  if (file.endsWith("page.tsx")) return ["GET"];
  const text = readFileSync(path.join(root, file), "utf8");
  const names = [
    ...text.matchAll(/export (?:async )?function (GET|POST|PUT|PATCH|DELETE)\b/g),
    ...text.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g),
    ...[...text.matchAll(/export (?:const )?\{([^}]*)\}/g)].flatMap((m) =>
      [...m[1]!.matchAll(/\b(GET|POST|PUT|PATCH|DELETE)\b/g)].map((n) => [n[0], n[1]]),
    ),
  ].map((m) => m[1]!);
  return [...new Set(names)].sort();
}

describe("the route table", () => {
  const files = appFiles();

  it("has an entry for every page and route file of app/, and a file for every entry", () => {
    const missing = files.filter((f) => !ROUTES.some((r) => r.source === f.file)).map((f) => f.file);
    expect(missing).toEqual([]);
    const orphans = ROUTES.filter((r) => r.source.startsWith("app/") && !files.some((f) => f.file === r.source));
    expect(orphans.map((r) => r.path)).toEqual([]);
    for (const f of files) expect(ROUTES.find((r) => r.source === f.file)!.path, f.file).toBe(f.path);
  });

  it("lists exactly the methods each file answers, and a body policy for each that takes one", () => {
    for (const route of ROUTES.filter((r) => r.source.startsWith("app/"))) {
      expect(exportedMethods(route.source), route.source).toEqual([...route.methods].sort());
      const takesBody = route.methods.some((m) => m !== "GET");
      expect(route.bodyLimit > 0, route.path).toBe(takesBody);
      expect(route.contentTypes.length > 0, route.path).toBe(takesBody);
      expect(route.bodyLimit, route.path).toBeLessThanOrEqual(12 * 1024 * 1024);
    }
  });

  it("gives every form a visitor can post its per-address limit, counted by the door's form reader", () => {
    // /lang only sets the language cookie: nothing is written, nothing sent, nothing to limit.
    const unlimited = ["/lang"];
    const forms = ROUTES.filter(
      (r) =>
        r.methods.includes("POST") &&
        r.renderer !== "signed-json" &&
        r.renderer !== "json" &&
        r.auth !== "staff" &&
        !unlimited.includes(r.path),
    );
    expect(forms.length).toBeGreaterThan(8);
    for (const form of forms) {
      expect(form.addressLimit, form.path).toBeDefined();
      expect(form.rateBuckets, form.path).toContain(form.addressLimit!.bucket);
      expect(form.addressLimit!.rule.limit, form.path).toBeGreaterThan(0);
    }
    // The unsigned reads (the public log endpoints, open data) too.
    const unsignedReads = ROUTES.filter((r) => r.rateBuckets.includes("api-public") || r.path.startsWith("/api/open/"));
    expect(unsignedReads.length).toBeGreaterThan(3);
    for (const read of unsignedReads) expect(read.addressLimit?.bucket, read.path).toBe(read.rateBuckets[0]);
    // No handler names a per-address rule itself any more: the table is the one place.
    for (const route of ROUTES.filter((r) => r.source.startsWith("app/")))
      expect(readFileSync(path.join(root, route.source), "utf8"), route.source).not.toMatch(/RATE_LIMITS\./);
  });

  it("finds the entry for a request's path the way Next does", () => {
    expect(routeFor("/")!.source).toBe("app/(public)/route.tsx");
    expect(routeFor("/K7pQ2xZa")!.renderer).toBe("landing");
    expect(routeFor("/nope")).toBeNull(); // one segment, not a link code: Next's 404
    expect(routeFor("/stop")!.renderer).toBe("light-page");
    expect(routeFor("/stop/submit")!.fastPath).toBe(true);
    expect(routeFor("/receipt/R-ABC")!.path).toBe("/receipt/[id]");
    expect(routeFor("/staff/audit")!.path).toBe("/staff/audit");
    expect(routeFor("/staff/whatever/else")!.path).toBe("/staff/[...missing]");
    expect(routeFor("/staff/export/originators")!.path).toBe("/staff/export/originators");
    expect(routeFor("/staff/export/complaints")!.path).toBe("/staff/export/[table]");
    expect(routeFor("/api/v1/complaints/C-1/response")!.auth).toBe("signed");
    expect(routeFor("/api/v1/numbers/events")!.auth).toBe("operator");
    expect(routeFor("/api/v1/no/such/thing")!.path).toBe("/api/v1/[...rest]");
    expect(routeFor("/api/v1/suppressions/check")!.bodyLimit).toBe(12 * 1024 * 1024);
  });

  it("names the fast paths scripts/serve.ts answers itself, each with its handler there", () => {
    const fast = ROUTES.filter((r) => r.fastPath).map((r) => r.path);
    expect(fast.sort()).toEqual(["/[code]", "/metrics", "/stop/submit"]);
    const server = readFileSync(path.join(root, "scripts/serve.ts"), "utf8");
    for (const p of fast) expect(server).toContain(`"${p}": (`);
  });

  it("labels metrics without a code, an id or a number", () => {
    expect(labelOf("/K7pQ2xZa")).toBe("/<code>");
    expect(labelOf("/receipt/R-7F3KQ-92QDX")).toBe("/receipt/<id>");
    expect(labelOf("/api/v1/complaints/C-1/response")).toBe("/api/v1/complaints/<id>/response");
    expect(labelOf("/number/verify")).toBe("/number/<step>");
    expect(labelOf("/staff/providers/acme")).toBe("/staff/providers");
    expect(labelOf("/_next/static/x.js")).toBe("/_next");
    expect(labelOf("/wp-admin.php")).toBe("other");
    expect(labelOf("/+212612345678")).toBe("other");
    expect(new Set(ROUTES.map((r) => r.label)).size).toBeLessThan(70);
  });
});
