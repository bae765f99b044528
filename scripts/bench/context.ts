// What every bench shares: the report table, the databases, the run count, signed calls to the server.
import { type KeyObject } from "node:crypto";
import { signRequest } from "@/lib/web/signatures/sign-request";
import { type AppServer } from "@/scripts/lib/app-server";

export type Row = { benchmark: string; result: string; reference: string; target: string; met: string };

export const rows: Row[] = [];

export const log = (line: string) => console.log(line);

export function report(benchmark: string, result: string, reference: string, target: string, met: boolean | null) {
  rows.push({ benchmark, result, reference, target, met: met === null ? "—" : met ? "yes" : "**no**" });
  log(`${benchmark}: ${result} (reference: ${reference}; target: ${target}) ${met === null ? "" : met ? "✓" : "✗"}`);
}

export const adminUrl = process.env.BENCH_ADMIN_URL || "postgresql://postgres@127.0.0.1:5432/postgres";

export const benchUrl = process.env.BENCH_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/stopsms_bench";

export const fresh = process.argv.includes("--fresh");

export const runsIndex = process.argv.indexOf("--runs");

export const runs = runsIndex > 0 ? Number(process.argv[runsIndex + 1]) : 3;

if (!(Number.isInteger(runs) && runs >= 1)) throw new Error("--runs takes a whole number of runs, e.g. --runs 1");
export const PORT = 3240;

// Production data is vacuumed by autovacuum soon after it is written; index-only scans (the wash, the
// change feed, the snapshot) depend on it. So every figure is measured on vacuumed data, and the state
// right after a bulk load is measured once, when the data has just been generated, then kept beside them.
export const justLoaded = new Map<string, string>();

export function justLoadedNote(benchmark: string): string {
  return (
    justLoaded.get(benchmark) ?? "just loaded: not measured (data generated before the bench measured it; `-- --fresh`)"
  );
}

export let rateLimitedMs = 0;

export let rateLimitedCalls = 0;

/** A signed call that, like any well-behaved client, waits out a 429's Retry-After and tries again. */

export async function signedFetch(
  server: AppServer,
  key: { keyid: string; privateKey: KeyObject },
  method: string,
  pathAndQuery: string,
  body?: string,
) {
  for (;;) {
    const url = `${server.url}/api/v1${pathAndQuery}`;
    const headers = await signRequest({ method, url, body, ...key });
    const response = await fetch(url, { method, headers, body });
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (response.status !== 429) return { response, bytes };
    const wait = Number(response.headers.get("retry-after") ?? 1) * 1000;
    rateLimitedCalls++;
    rateLimitedMs += wait;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/** The reference of the snapshot figures: PostgreSQL's COPY of the whole list in force, to /dev/null. */
