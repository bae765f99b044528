// Launch day: citizens opting out by the hundred per second through /stop, beside what this machine's
// PostgreSQL itself does with 64 clients (pgbench, same run): single-row INSERT transactions, and the same
// when each also holds one global advisory lock until its commit — the feed lock's own ceiling.
import { spawnSync } from "node:child_process";
import { randomInt } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import type { IncomingHttpHeaders } from "node:http";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";

const CONNECTIONS = 64;

export interface OptoutFigures {
  perSecond: number;
  p50: number;
  p99: number;
  answered303: number;
  other: number;
  /** The other answers by status (and where a 303 sent the citizen): what a run must explain. */
  otherKinds: Record<string, number>;
  insertTps: number;
  lockedTps: number;
}

async function pgbenchTps(adminUrl: string, seconds: number): Promise<{ insert: number; locked: number }> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query("DROP DATABASE IF EXISTS stopsms_pgbench WITH (FORCE)");
  await admin.query("CREATE DATABASE stopsms_pgbench");
  const url = new URL(adminUrl);
  url.pathname = "/stopsms_pgbench";
  const scratch = new pg.Client({ connectionString: url.toString() });
  await scratch.connect();
  await scratch.query(
    "CREATE TABLE optout_ref (id bigserial PRIMARY KEY, phone text NOT NULL, at timestamptz NOT NULL DEFAULT now())",
  );
  await scratch.end();
  const dir = await mkdtemp(path.join(os.tmpdir(), "stopsms-pgbench-"));
  const insert = "INSERT INTO optout_ref (phone) VALUES ('+2126' || (10000000 + (random() * 89999999)::int));\n";
  await writeFile(path.join(dir, "insert.sql"), insert);
  await writeFile(path.join(dir, "locked.sql"), `BEGIN;\nSELECT pg_advisory_xact_lock(1);\n${insert}COMMIT;\n`);
  const run = (script: string) => {
    const out = spawnSync(
      "pgbench",
      ["-n", "-c", String(CONNECTIONS), "-j", "2", "-T", String(seconds), "-f", path.join(dir, script), url.toString()],
      { encoding: "utf8" },
    );
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(out.stdout)?.[1];
    if (!tps) throw new Error(`pgbench failed: ${out.stderr || out.stdout}`);
    return Number(tps);
  };
  try {
    return { insert: run("insert.sql"), locked: run("locked.sql") };
  } finally {
    await admin.query("DROP DATABASE IF EXISTS stopsms_pgbench WITH (FORCE)");
    await admin.end();
  }
}

/**
 * 64 connections post /stop with a distinct, never-opposed number each, for `seconds` (or `amount` posts).
 * `receipts` counts the answers that are a receipt (303 to /receipt/…), not the form sent back (303 to /stop).
 */
export function postOptouts(
  url: string,
  seconds: number,
  amount?: number,
): Promise<autocannon.Result & { receipts: number; otherKinds: Record<string, number> }> {
  // Mobiles +21278… are neither in the generated data nor minted (and valid: +21279… is not allocated,
  // and once made a run count 303s of the form sent back as receipts); a random start per run.
  let next = 80_000_000 + randomInt(0, 9_000_000);
  let receipts = 0;
  const otherKinds: Record<string, number> = {};
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${url}/stop/submit`,
        connections: CONNECTIONS,
        duration: seconds,
        ...(amount ? { amount } : {}),
        requests: [
          {
            method: "POST",
            setupRequest: (request: autocannon.Request) => {
              const n = next++;
              return {
                ...request,
                headers: {
                  "content-type": "application/x-www-form-urlencoded",
                  origin: url,
                  "sec-fetch-site": "same-origin",
                  "accept-language": "fr",
                  // One citizen per address, as on launch day (the per-address limit is not what is measured).
                  "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
                },
                body: `phone=%2B2127${n}&scope=all`,
              };
            },
            onResponse: (status: number, _body: string, _context: object, headers?: IncomingHttpHeaders) => {
              if (status === 303 && String(headers?.location).startsWith("/receipt/")) receipts++;
              else {
                const kind = status === 303 ? `303 → ${String(headers?.location).split("?")[0]}` : String(status);
                otherKinds[kind] = (otherKinds[kind] ?? 0) + 1;
              }
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve({ ...result, receipts, otherKinds })),
    );
  });
}

export async function measureOptouts(serverUrl: string, adminUrl: string): Promise<OptoutFigures> {
  const references = await pgbenchTps(adminUrl, 10);
  await postOptouts(serverUrl, 3); // warm-up: compiled routes, pooled connections
  const result = await postOptouts(serverUrl, 20);
  const answered303 = result.receipts;
  const total = Object.values(statusCounts(result)).reduce((sum, count) => sum + count, 0);
  return {
    perSecond: answered303 / 20,
    p50: result.latency.p50,
    p99: result.latency.p99,
    answered303,
    other: total - answered303,
    otherKinds: { ...result.otherKinds, ...(result.errors ? { "no answer (socket error)": result.errors } : {}) },
    insertTps: references.insert,
    lockedTps: references.locked,
  };
}

/** How many answers of each HTTP status an autocannon run got. */
export function statusCounts(result: autocannon.Result): Record<string, number> {
  const stats = (result as unknown as { statusCodeStats: Record<string, { count: number }> }).statusCodeStats;
  return Object.fromEntries(Object.entries(stats).map(([status, s]) => [status, s.count]));
}
