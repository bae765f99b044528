import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The house's floors (ARCHITECTURE.md): app/ and components/ on top, lib/web (the HTTP edge) under them,
// the domain folders of lib/ under that. Nothing on a lower floor may reach up, and only the edge speaks HTTP.

const root = path.resolve(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.endsWith(".d.ts"))
    .map((f) => path.join(dir, f))
    .filter((f) => !f.startsWith("lib/generated/") && !f.startsWith("lib/testing/"));
}

/** The code without its comments and string literals (a rough cut, enough for names). */
function codeOf(file: string): string {
  return readFileSync(path.join(root, file), "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:])\/\/.*$/gm, "$1")
    .replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""');
}

const importsOf = (file: string) =>
  [...readFileSync(path.join(root, file), "utf8").matchAll(/from\s+"([^"]+)"|import\(\s*"([^"]+)"\s*\)/g)].map(
    (m) => m[1] ?? m[2]!,
  );

const libFiles = sourceFiles("lib");
const domainFiles = libFiles.filter((f) => !f.startsWith("lib/web/"));

describe("the floors of the house", () => {
  it("lib imports nothing from components/ or app/", () => {
    const upward = libFiles.flatMap((f) =>
      importsOf(f)
        .filter((i) => /^@\/(components|app)\//.test(i))
        .map((i) => `${f} → ${i}`),
    );
    expect(upward).toEqual([]);
  });

  it("no domain module imports the HTTP edge", () => {
    const upward = domainFiles.flatMap((f) =>
      importsOf(f)
        .filter((i) => i.startsWith("@/lib/web/") || i.startsWith("next/server") || i === "node:http")
        .map((i) => `${f} → ${i}`),
    );
    expect(upward).toEqual([]);
  });

  it("no Request or Response under lib/<domain>: domain functions take and return plain values", () => {
    const http = /\b(Request|Response|NextRequest|NextResponse|IncomingMessage|ServerResponse|Headers)\b/;
    expect(domainFiles.filter((f) => http.test(codeOf(f)))).toEqual([]);
  });

  it("the app loads no private module of Next (next/dist/…): public entry points only", () => {
    const files = [...libFiles, ...sourceFiles("app"), ...sourceFiles("components"), ...sourceFiles("scripts")];
    const privateLoads = files.filter((f) => /["']next\/dist\//.test(readFileSync(path.join(root, f), "utf8")));
    expect(privateLoads).toEqual([]);
  });

  it("is checked against real files (the walk finds the edge and the domain)", () => {
    expect(libFiles.length).toBeGreaterThan(200);
    expect(domainFiles).toContain("lib/oppositions/record-opposition.ts");
    expect(libFiles).toContain("lib/web/html/document-response.tsx");
  });
});
