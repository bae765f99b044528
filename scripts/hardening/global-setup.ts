import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import type { TestProject } from "vitest/node";
import { createTestDatabase } from "@/lib/testing/test-database";
import { buildIfStale } from "@/scripts/lib/build-freshness";
import { RESULTS_FILE } from "./results";

function writeReliabilityDoc() {
  if (!existsSync(RESULTS_FILE)) return;
  const results = readFileSync(RESULTS_FILE, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { name: string; figures: Record<string, string | number> });
  const sections = results.map((r) =>
    [
      `## ${r.name}`,
      "",
      "| figure | value |",
      "|---|---|",
      ...Object.entries(r.figures).map(([k, v]) => `| ${k} | ${String(v).replace(/\|/g, "\\|")} |`),
      "",
    ].join("\n"),
  );
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  writeFileSync(
    "docs/reliability.md",
    `# Reliability: what the hardening suite showed\n\nWritten by \`npm run test:hardening\` on ${new Date().toISOString()} (${machine}).\nEach figure comes from that run, against the production server (\`scripts/serve.ts\`, as \`npm start\` runs it) on a real database.\n\n${sections.join("\n")}`,
  );
}

// The hardening suite attacks the production build: build it if sources changed, then give the run
// its own database (dropped at the end).
export default async function setup(project: TestProject) {
  await buildIfStale(process.env, "[hardening] building the app");
  rmSync(RESULTS_FILE, { force: true });
  const database = await createTestDatabase((line) => console.log(line.replace("[tests]", "[hardening]")));
  project.provide("databaseUrl", database.url);
  return async () => {
    await database.drop();
    writeReliabilityDoc();
  };
}
