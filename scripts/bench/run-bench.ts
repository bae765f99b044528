// `npm run bench`: national-scale benchmarks on a real PostgreSQL, each figure beside its reference measured
// in the same run; prints a table and writes docs/benchmarks.md. Uses BENCH_DATABASE_URL (default: a local
// `stopsms_bench` database, generated once; `-- --fresh` regenerates it). Never touches a non-local host.
import { spawn, spawnSync } from "node:child_process";
import { createPrivateKey, generateKeyPairSync, randomInt, type KeyObject } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { performance } from "node:perf_hooks";
import { signRequest } from "@/lib/web/signatures/sign-request";
import { verifyPlatformResponse, type Jwks } from "@/lib/web/signatures/verify-response";
import { assertLocalDatabaseUrl } from "@/lib/testing/local-database";
import { startAppServer, type AppServer } from "@/scripts/lib/app-server";
import { buildIfStale } from "@/scripts/lib/build-freshness";
import { measureEvidencePacks, measureOtpRequests, signInAnalyst } from "./bench-citizen-paths";
import { benchOpenData } from "./bench-open-data";
import { measureOptouts, postOptouts, statusCounts } from "./bench-optout";
import { concurrentDownloadsRss, firstLoadThroughFiles } from "./bench-snapshot-files";
import { registerKey } from "./register-key";
import { GENERATED_CAMPAIGN, IN_FORCE, generateBenchData, generateBenchLinks } from "./generate-data";
import { runScale } from "./run-scale";
import { fmt, percentile, repeated, timed, type Figures, type Runs } from "./measure";

type Row = { benchmark: string; result: string; reference: string; target: string; met: string };
const rows: Row[] = [];
const log = (line: string) => console.log(line);
function report(benchmark: string, result: string, reference: string, target: string, met: boolean | null) {
  rows.push({ benchmark, result, reference, target, met: met === null ? "—" : met ? "yes" : "**no**" });
  log(`${benchmark}: ${result} (reference: ${reference}; target: ${target}) ${met === null ? "" : met ? "✓" : "✗"}`);
}

const adminUrl = process.env.BENCH_ADMIN_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const benchUrl = process.env.BENCH_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/stopsms_bench";
const fresh = process.argv.includes("--fresh");
// `-- --only snapshot,landing` runs a subset while working on one figure; docs/benchmarks.md is only
// written by a full run, so it never mixes figures from different runs.
const onlyIndex = process.argv.indexOf("--only");
const only = onlyIndex > 0 ? new Set((process.argv[onlyIndex + 1] ?? "").split(",")) : null;
const wanted = (name: string) => !only || only.has(name);
const runsIndex = process.argv.indexOf("--runs");
const runs = runsIndex > 0 ? Number(process.argv[runsIndex + 1]) : 3;
if (!(Number.isInteger(runs) && runs >= 1)) throw new Error("--runs takes a whole number of runs, e.g. --runs 1");
const PORT = 3240;

async function prepareDatabase(): Promise<void> {
  assertLocalDatabaseUrl(benchUrl);
  const name = new URL(benchUrl).pathname.slice(1);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  if (fresh) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1;
  if (!exists) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const { applyMigrations } = await import("@/lib/db/migrate");
  const applied = await applyMigrations(benchUrl);
  const client = new pg.Client({ connectionString: benchUrl });
  await client.connect();
  if (applied.length > 0 && exists) {
    // A migration on existing data (new index, rewritten rows) leaves it as production's autovacuum would
    // not for long: vacuumed and analysed, so index-only scans and plans are what they will be.
    log(`migrations applied to the existing data (${applied.join(", ")}): VACUUM (ANALYZE)…`);
    await client.query("VACUUM (ANALYZE)");
  }
  const marker = await client.query("SELECT to_regclass('bench_marker') IS NOT NULL AS present");
  if (!marker.rows[0].present) {
    log("generating national-scale data (5 M in force, 10 M changes)…");
    // Not vacuumed: the first figures are measured on the data as just loaded (measureJustLoaded).
    const { ms } = await timed(() => generateBenchData(client, log, IN_FORCE, { vacuum: false }));
    report("data generation (SQL, set-based)", `${fmt(ms / 1000, 0)} s`, "—", "minutes", ms < 15 * 60_000);
  } else if (
    (await client.query("SELECT 1 FROM stop_links WHERE campaign = $1 LIMIT 1", [GENERATED_CAMPAIGN])).rowCount === 0
  ) {
    await generateBenchLinks(client, log); // databases generated before the links were part of the data
    await client.query("ANALYZE stop_links");
  }
  // Links minted by earlier runs would make every run mint into a bigger table than the last.
  await client.query("DELETE FROM stop_links WHERE campaign LIKE 'bench-run-%'");
  // …and the deleted rows would stay in its indexes until autovacuum came by: gone now, as it would leave them.
  await client.query("VACUUM (ANALYZE) stop_links");
  // Data generated before the bench measured it just loaded was vacuumed at generation.
  await client.query("ALTER TABLE bench_marker ADD COLUMN IF NOT EXISTS vacuumed_at timestamptz DEFAULT now()");
  await client.query("ALTER TABLE bench_marker ALTER COLUMN vacuumed_at DROP DEFAULT");
  await client.query(
    "CREATE TABLE IF NOT EXISTS bench_just_loaded (benchmark text PRIMARY KEY, result text NOT NULL, measured_at timestamptz NOT NULL DEFAULT now())",
  );
  await client.end();
}

// Production data is vacuumed by autovacuum soon after it is written; index-only scans (the wash, the
// change feed, the snapshot) depend on it. So every figure is measured on vacuumed data, and the state
// right after a bulk load is measured once, when the data has just been generated, then kept beside them.
const justLoaded = new Map<string, string>();

async function measureJustLoaded(
  server: AppServer,
  client: pg.Client,
  key: { keyid: string; privateKey: KeyObject },
  jwks: Jwks,
  head: number,
): Promise<void> {
  const marker = await client.query("SELECT 1 FROM bench_marker WHERE vacuumed_at IS NULL");
  if (marker.rowCount === 0) return;
  log("measuring the data as just loaded (one run each), before VACUUM…");
  // All three whatever `--only` says: this state exists once, until the VACUUM below.
  const washed = await wash(server, key);
  const pages = await changePages(server, key, head);
  const snapshot = await snapshotThroughApi(server, key, jwks)();
  const results: [string, string][] = [
    ["wash", `${fmt(washed.seconds, 2)} s`],
    ["changes", `p50 ${fmt(pages.p50)} ms, p99 ${fmt(pages.p99)} ms`],
    [
      "snapshot",
      `${fmt(snapshot.rate!)} rows/s = ${fmt(snapshot.share!)} % of COPY (${fmt(snapshot.copyRate!)} rows/s)`,
    ],
  ];
  for (const [benchmark, result] of results) {
    log(`  just loaded, ${benchmark}: ${result}`);
    await client.query(
      "INSERT INTO bench_just_loaded (benchmark, result) VALUES ($1, $2) ON CONFLICT (benchmark) DO UPDATE SET result = EXCLUDED.result, measured_at = now()",
      [benchmark, result],
    );
  }
  const { ms } = await timed(() => client.query("VACUUM (ANALYZE)"));
  await client.query("UPDATE bench_marker SET vacuumed_at = now()");
  report(
    "VACUUM (ANALYZE) of the generated data, as autovacuum does after a bulk load",
    `${fmt(ms / 1000)} s`,
    "—",
    "—",
    null,
  );
}

async function loadJustLoaded(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ benchmark: string; result: string; measured_at: Date }>(
    "SELECT benchmark, result, measured_at FROM bench_just_loaded",
  );
  for (const row of rows)
    justLoaded.set(
      row.benchmark,
      `just loaded, before VACUUM (one run, ${row.measured_at.toISOString().slice(0, 10)}, when the data was generated): ${row.result}`,
    );
}

function justLoadedNote(benchmark: string): string {
  return (
    justLoaded.get(benchmark) ?? "just loaded: not measured (data generated before the bench measured it; `-- --fresh`)"
  );
}

let rateLimitedMs = 0;
let rateLimitedCalls = 0;

/** A signed call that, like any well-behaved client, waits out a 429's Retry-After and tries again. */
async function signedFetch(
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
function measureCopy(): { ms: number } {
  const started = performance.now();
  const result = spawnSync(
    "psql",
    [
      benchUrl,
      "-q",
      "-c",
      "\\copy (SELECT o.phone, o.scope, s.code, o.created_at FROM oppositions o LEFT JOIN senders s ON s.id = o.sender_id WHERE o.withdrawn_at IS NULL ORDER BY o.id) TO '/dev/null'",
    ],
    { encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(result.stderr);
  return { ms: performance.now() - started };
}

/** The whole list through the paged signed snapshot, beside COPY measured just before. */
function snapshotThroughApi(server: AppServer, key: { keyid: string; privateKey: KeyObject }, jwks: Jwks) {
  return async (): Promise<Figures> => {
    const copy = measureCopy();
    let entries = 0;
    let cursor: string | null = null;
    let verified = true;
    const api = await timed(async () => {
      do {
        const { response, bytes } = await signedFetch(
          server,
          key,
          "GET",
          `/suppressions/snapshot?limit=50000${cursor ? `&cursor=${cursor}` : ""}`,
        );
        verified &&= await verifyPlatformResponse(response, bytes, jwks);
        const page = JSON.parse(Buffer.from(bytes).toString()) as { entries: unknown[]; cursor: string | null };
        entries += page.entries.length;
        cursor = page.cursor;
      } while (cursor);
    });
    const rate = entries / (api.ms / 1000);
    const copyRate = entries / (copy.ms / 1000);
    return { rate, copyRate, share: (rate / copyRate) * 100, seconds: api.ms / 1000, entries, verified: +verified };
  };
}

async function benchSnapshot(server: AppServer, key: { keyid: string; privateKey: KeyObject }, jwks: Jwks) {
  const r = await repeated(runs, snapshotThroughApi(server, key, jwks));
  report(
    "snapshot: whole list through the signed API, every page verified",
    `${r.show("rate")} rows/s = ${r.show("share")} % of COPY (${fmt(r.median("entries"))} rows in ${r.show("seconds", 1)} s${r.always("verified") ? "" : ", SIGNATURE FAILURE"})`,
    `COPY … TO STDOUT: ${r.show("copyRate")} rows/s; ${justLoadedNote("snapshot")}`,
    "— (round 1 aimed at 50 %; a first load now goes through the snapshot files, next row)",
    r.always("verified") ? null : false,
  );
}

async function benchSnapshotFiles(server: AppServer, client: pg.Client, jwks: Jwks) {
  const r = await repeated(runs, async () => {
    // Built as the scheduled job builds them (npm run admin -- snapshot:build), timed on its own.
    const build = spawnSync(
      process.execPath,
      ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/admin.ts", "snapshot:build"],
      { env: { ...process.env, DATABASE_URL: benchUrl, NODE_OPTIONS: "" }, encoding: "utf8" },
    );
    if (build.status !== 0) throw new Error(`snapshot:build failed: ${build.stderr}`);
    log(build.stdout.trim());
    const buildMs = Number(/built in (\d+) ms/.exec(build.stdout)?.[1]);
    const copy = measureCopy();
    const key = await registerKey(client);
    // Refusals keep arriving after the build, as they would in the minutes before a provider's first load.
    const arriving = await postOptouts(server.url, 60, 2000);
    log(`refusals posted after the build: ${arriving.receipts} receipts, ${JSON.stringify(statusCounts(arriving))}`);
    const load = await firstLoadThroughFiles(server.url, key, jwks);
    const rate = load.entries / (load.ms / 1000);
    const inForce = Number(
      (
        await client.query(
          "SELECT count(*) AS n FROM oppositions WHERE withdrawn_at IS NULL AND canary_provider_id IS NULL",
        )
      ).rows[0].n,
    );
    const copyRate = inForce / (copy.ms / 1000);
    const keys = [];
    for (let i = 0; i < 4; i++) keys.push(await registerKey(client));
    const rss = await concurrentDownloadsRss(server.url, keys, jwks, server.process.pid!);
    return {
      rate,
      copyRate,
      share: (rate / copyRate) * 100,
      entries: load.entries,
      files: load.files,
      filesSeconds: load.filesMs / 1000,
      changes: load.changes,
      seconds: load.ms / 1000,
      buildSeconds: buildMs / 1000,
      rssBefore: rss.before / 2 ** 20,
      rssPeak: rss.peak / 2 ** 20,
      rssGrowth: (rss.peak - rss.before) / 2 ** 20,
      downloaded: rss.entries.reduce((sum, n) => sum + n, 0),
    };
  });
  report(
    "first load through the snapshot files: manifest, files (4 at a time, each hashed, decompressed, lines counted, signature checked), then the feed from `at`",
    `${r.show("rate")} rows/s = ${r.show("share")} % of COPY (${fmt(r.median("entries"))} entries in ${fmt(r.median("files"))} files in ${r.show("filesSeconds", 1)} s, then ${r.show("changes")} changes; ${r.show("seconds", 1)} s in all). Built beforehand in ${r.show("buildSeconds", 1)} s`,
    `COPY … TO STDOUT: ${r.show("copyRate")} rows/s`,
    "≥ 100 % of COPY",
    r.median("share") >= 100,
  );
  report(
    "server memory while 4 providers download the snapshot files at once",
    `RSS ${r.show("rssBefore")} MiB before, ${r.show("rssPeak")} MiB at the peak: +${r.show("rssGrowth")} MiB for 4 × ${fmt(r.median("downloaded") / 4)} entries`,
    "files streamed in 1 MiB chunks",
    "streamed: the peak does not grow with the list (< 200 MiB more)",
    r.median("rssGrowth") < 200,
  );
}

/** The change page of 10 000 at random positions, 40 pages. */
async function changePages(server: AppServer, key: { keyid: string; privateKey: KeyObject }, head: number) {
  const latencies: number[] = [];
  for (let i = 0; i < 40; i++) {
    const after = randomInt(0, Math.max(1, head - 20_000));
    const { ms, value } = await timed(() =>
      signedFetch(server, key, "GET", `/suppressions/changes?after=${after}&limit=10000`),
    );
    if (value.response.status !== 200) throw new Error(`changes answered ${value.response.status}`);
    latencies.push(ms);
  }
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

async function benchChanges(server: AppServer, key: { keyid: string; privateKey: KeyObject }, head: number) {
  const pages = await repeated(runs, () => changePages(server, key, head));
  report(
    "change feed: page of 10 000 at random positions (40 pages)",
    `p50 ${pages.show("p50", 0, " ms")}, p99 ${pages.show("p99", 0, " ms")}`,
    justLoadedNote("changes"),
    "p50 < 100 ms",
    pages.median("p50") < 100,
  );
  const catchUp = await repeated(runs, async () => {
    let after = 0;
    let total = 0;
    const waitedBefore = rateLimitedMs;
    const callsBefore = rateLimitedCalls;
    const { ms } = await timed(async () => {
      for (;;) {
        const { bytes } = await signedFetch(server, key, "GET", `/suppressions/changes?after=${after}&limit=10000`);
        const page = JSON.parse(Buffer.from(bytes).toString()) as { changes: unknown[]; next: number; more: boolean };
        total += page.changes.length;
        after = page.next;
        if (!page.more) break;
      }
    });
    const waited = rateLimitedMs - waitedBefore;
    return {
      overall: total / (ms / 1000),
      unthrottled: total / ((ms - waited) / 1000),
      total,
      seconds: ms / 1000,
      waited: waited / 1000,
      limited: rateLimitedCalls - callsBefore,
    };
  });
  report(
    "change feed: catch-up from seq 0 through every page (honouring 429 Retry-After)",
    `${catchUp.show("overall")} rows/s overall; ${catchUp.show("unthrottled")} rows/s while not rate-limited (${fmt(catchUp.median("total"))} changes in ${catchUp.show("seconds", 1)} s, of which ${catchUp.show("waited", 1)} s waiting on the 600 calls/min/key limit, ${catchUp.show("limited")} calls answered 429)`,
    "—",
    "—",
    null,
  );
}

/**
 * A campaign of 1 M numbers posted in 10 calls of 100 000 (a wash or a mint): the time, and how many entries
 * of `field` the answers held in all.
 */
async function postCampaign(
  server: AppServer,
  key: { keyid: string; privateKey: KeyObject },
  path: string,
  body: (phones: string[]) => object,
  field: string,
) {
  let entries = 0;
  const { ms } = await timed(async () => {
    for (let call = 0; call < 10; call++) {
      const { response, bytes } = await signedFetch(
        server,
        key,
        "POST",
        path,
        JSON.stringify(body(campaignBatch(call))),
      );
      if (response.status !== 200)
        throw new Error(`${path} answered ${response.status}: ${Buffer.from(bytes).toString().slice(0, 200)}`);
      entries += (JSON.parse(Buffer.from(bytes).toString()) as Record<string, unknown[]>)[field]!.length;
    }
  });
  return { seconds: ms / 1000, entries };
}

/** 1 M numbers washed in 10 calls of 100 000. */
async function wash(server: AppServer, key: { keyid: string; privateKey: KeyObject }) {
  const { seconds, entries } = await postCampaign(
    server,
    key,
    "/suppressions/check",
    (phones) => ({ sender: "bench-sender-1", phones }),
    "suppressed",
  );
  return { seconds, suppressed: entries };
}

const campaignBatch = (call: number) =>
  Array.from({ length: 100_000 }, (_, i) => `+2126${10_000_000 + call * 100_000 + i * 7 + 3}`);

async function benchWash(server: AppServer, key: { keyid: string; privateKey: KeyObject }) {
  const r = await repeated(runs, () => wash(server, key));
  report(
    "wash: 1 M numbers in 10 calls of 100 000",
    `${r.show("seconds", 2, " s")} (${fmt(r.median("suppressed"))} suppressed)`,
    justLoadedNote("wash"),
    "< 5 s",
    r.median("seconds") < 5,
  );
}

async function benchMint(server: AppServer, key: { keyid: string; privateKey: KeyObject }, client: pg.Client) {
  const r = await repeated(runs, async () => {
    const campaign = `bench-run-${Date.now()}`;
    const { seconds, entries: minted } = await postCampaign(
      server,
      key,
      "/links",
      (phones) => ({ sender: "bench-sender-2", campaign, phones, expires_in_days: 90 }),
      "links",
    );
    // Each run mints into the same table as the first: the links table does not grow by a million a run.
    await client.query("DELETE FROM stop_links WHERE campaign = $1", [campaign]);
    await client.query("VACUUM (ANALYZE) stop_links");
    return { seconds, minted };
  });
  report(
    "mint: 1 M links in 10 calls of 100 000",
    `${r.show("seconds", 1, " s")} (${fmt(r.median("minted"))} links)`,
    "—",
    "< 30 s",
    r.median("seconds") < 30,
  );
}

function cannon(url: string, seconds: number, paths?: string[]): Promise<autocannon.Result> {
  let next = 0;
  // With paths, each request asks for the next one: a campaign's traffic spreads over many codes.
  const requests = paths
    ? [
        {
          method: "GET" as const,
          setupRequest: (request: autocannon.Request) => ({ ...request, path: paths[next++ % paths.length]! }),
        },
      ]
    : undefined;
  return new Promise((resolve, reject) => {
    autocannon(
      { url, connections: 50, duration: seconds, headers: { "accept-language": "fr" }, requests },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

async function benchLanding(server: AppServer, codes: string[]) {
  const html = Buffer.from(await (await fetch(`${server.url}/${codes[0]}`)).arrayBuffer());
  const bare = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": html.length });
    res.end(html);
  });
  await new Promise<void>((resolve) => bare.listen(3249, "127.0.0.1", resolve));
  let r: Runs;
  try {
    // Each run measures its own reference just before: the machine's speed drifts over a long bench.
    r = await repeated(runs, async () => {
      const reference = await cannon("http://127.0.0.1:3249/", 10);
      const landing = await cannon(
        server.url,
        10,
        codes.map((code) => `/${code}`),
      );
      return {
        rate: landing.requests.average,
        p99: landing.latency.p99,
        share: (landing.requests.average / reference.requests.average) * 100,
        non2xx: landing.non2xx,
        bare: reference.requests.average,
        bareP99: reference.latency.p99,
      };
    });
  } finally {
    bare.close();
  }
  report(
    `landing page /<code> (autocannon, 50 connections, 10 s, ${fmt(codes.length)} different codes in turn)`,
    `${r.show("rate")} req/s, p99 ${r.show("p99", 0, " ms")} = ${r.show("share")} % of bare Node (${fmt(r.median("non2xx"))} non-2xx)`,
    `bare Node http, same ${html.length} bytes: ${r.show("bare")} req/s, p99 ${r.show("bareP99", 0, " ms")}`,
    "≥ 40 % of bare Node in every run, p99 < 100 ms",
    r.samples.every((run) => run.share! >= 40) && r.median("p99") < 100,
  );
}

async function benchCitizenPaths(server: AppServer, client: pg.Client) {
  const cookie = await signInAnalyst(server.url, client);
  const r = await repeated(runs, async () => {
    const otp = await measureOtpRequests(server.url, client, 200);
    const packs = await measureEvidencePacks(server.url, client, cookie, 20);
    return {
      otpP95: otp.p95,
      otpP50: otp.p50,
      inOutbox: otp.inOutbox,
      jsonP95: packs.json.p95,
      jsonP50: packs.json.p50,
      pdfP95: packs.pdf.p95,
      pdfP50: packs.pdf.p50,
    };
  });
  report(
    "“my number”: a code request (POST /number/code) until its SMS is in the outbox, 200 new numbers one after another",
    `p95 ${r.show("otpP95", 1, " ms")}, p50 ${r.show("otpP50", 1, " ms")} (${fmt(r.median("inOutbox"))} of 200 SMS in the outbox)`,
    "—",
    "< 50 ms p95",
    r.median("otpP95") < 50 && r.samples.every((run) => run.inOutbox === 200),
  );
  report(
    "evidence pack of a complaint (verdict from the feed, fetches, acks and the link; signed), 20 of each",
    `JSON p95 ${r.show("jsonP95", 0, " ms")} (p50 ${r.show("jsonP50")}); PDF p95 ${r.show("pdfP95", 0, " ms")} (p50 ${r.show("pdfP50")})`,
    "—",
    "< 500 ms",
    r.median("jsonP95") < 500 && r.median("pdfP95") < 500,
  );
}

async function benchDashboard(server: AppServer, client: pg.Client) {
  const cookie = await signInAnalyst(server.url, client);
  const requests = [
    "/staff?range=7d",
    "/staff?range=90d",
    "/staff/export/senders?range=90d",
    "/staff/export/compliance?range=30d",
    "/staff/export/daily?range=90d",
  ];
  for (const request of requests) {
    const r = await repeated(runs, async () => {
      const latencies: number[] = [];
      for (let i = 0; i < 25; i++) {
        const { ms, value } = await timed(() =>
          fetch(`${server.url}${request}`, { headers: { cookie } }).then(async (response) => ({
            status: response.status,
            body: await response.text(),
          })),
        );
        if (value.status !== 200) throw new Error(`${request} answered ${value.status}`);
        latencies.push(ms);
      }
      return { p95: percentile(latencies, 95), p50: percentile(latencies, 50) };
    });
    report(
      `dashboard: ${request} at 10 M changes (25 requests)`,
      `p95 ${r.show("p95", 0, " ms")}, p50 ${r.show("p50", 0, " ms")}`,
      "—",
      "p95 < 200 ms",
      r.median("p95") < 200,
    );
  }
}

/**
 * What writing the leaf and its stored hashes adds to an opt-out, at 10 M leaves: the same feed insert, in
 * a transaction rolled back each time (so the data stays as generated), with the trigger doing its work vs
 * returning at once (a change that brings its own log index, as bulk loaders do).
 */
async function benchLogWrite(client: pg.Client) {
  const insert = async (withLog: boolean, i: number) => {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(727367100)");
    const started = performance.now();
    await client.query(
      `INSERT INTO opposition_changes (op, reason, phone, scope, sender_id, source${withLog ? "" : ", log_index, salt"})
       VALUES ('add', 'opposed', $1, 'all', NULL, 'web'${withLog ? "" : ", $2, 'bench'"})`,
      withLog ? [`+2127${20_000_000 + i}`] : [`+2127${20_000_000 + i}`, -1 - i],
    );
    const ms = performance.now() - started;
    await client.query("ROLLBACK");
    return ms;
  };
  const r = await repeated(runs, async () => {
    const withLog: number[] = [];
    const without: number[] = [];
    for (let i = 0; i < 600; i++) {
      // Interleaved, so both see the same cache and the same background.
      withLog.push(await insert(true, i));
      without.push(await insert(false, i));
    }
    return {
      extra: percentile(withLog, 50) - percentile(without, 50),
      withP50: percentile(withLog, 50),
      withP99: percentile(withLog, 99),
      withoutP50: percentile(without, 50),
      withoutP99: percentile(without, 99),
    };
  });
  report(
    "transparency log: extra cost of an opt-out's leaf and stored hashes, at 10 M leaves (600 feed inserts each way)",
    `+${r.show("extra", 2, " ms")} p50 (insert with the log: p50 ${r.show("withP50", 2, " ms")}, p99 ${r.show("withP99", 2, " ms")})`,
    `same insert, log skipped: p50 ${r.show("withoutP50", 2, " ms")}, p99 ${r.show("withoutP99", 2, " ms")}`,
    "≤ 2 ms p50 extra",
    r.median("extra") <= 2,
  );
}

/**
 * Inclusion and consistency proofs through the API at 10 M leaves, against the current tree head: unsigned,
 * as a citizen's /verify page or an auditor asks (the target), and signed, as a provider's client does (each
 * signed call also commits its nonce and its access-log row, two durable writes).
 */
async function benchLogProofs(server: AppServer, key: { keyid: string; privateKey: KeyObject }, jwks: Jwks) {
  const { verifyInclusion, fromBase64Url } = await import("@/lib/transparency-log/merkle");
  const head = JSON.parse(await (await fetch(`${server.url}/api/v1/log/tree-head`)).text()) as {
    size: number;
    root: string;
  };
  const root = fromBase64Url(head.root);
  type Proof = { response: Response; bytes: Uint8Array };
  const unsigned = async (path: string, address: string): Promise<Proof> => {
    const response = await fetch(`${server.url}/api/v1${path}`, { headers: { "x-forwarded-for": address } });
    return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
  };
  const proofs = async (get: (path: string, i: number, kind: string) => Promise<Proof>) => {
    const inclusion: number[] = [];
    const consistency: number[] = [];
    let valid = true;
    for (let i = 0; i < 200; i++) {
      const index = randomInt(0, head.size);
      const proof = await timed(() => get(`/log/inclusion?index=${index}&size=${head.size}`, i, "inclusion"));
      inclusion.push(proof.ms);
      const body = JSON.parse(Buffer.from(proof.value.bytes).toString()) as { leaf: string; path: string[] };
      valid &&=
        (await verifyPlatformResponse(proof.value.response, proof.value.bytes, jwks)) &&
        verifyInclusion(index, head.size, fromBase64Url(body.leaf), body.path.map(fromBase64Url), root);
      const from = randomInt(1, head.size - 1);
      const c = await timed(() => get(`/log/consistency?from=${from}&to=${head.size}`, i, "consistency"));
      consistency.push(c.ms);
      // (Its roots are checked by the unit tests; here, that it answers a full proof.)
      valid &&= c.value.response.status === 200 && JSON.parse(Buffer.from(c.value.bytes).toString()).path.length > 0;
    }
    return {
      inclusionP95: percentile(inclusion, 95),
      inclusionP50: percentile(inclusion, 50),
      consistencyP95: percentile(consistency, 95),
      consistencyP50: percentile(consistency, 50),
      valid: +valid,
    };
  };
  const shown = (r: Runs) =>
    `inclusion p95 ${r.show("inclusionP95", 1, " ms")} (p50 ${r.show("inclusionP50", 1)}), consistency p95 ${r.show("consistencyP95", 1, " ms")} (p50 ${r.show("consistencyP50", 1)})${r.always("valid") ? ", every proof verified" : ", A PROOF FAILED"}`;
  const open = await repeated(runs, () =>
    proofs((path, i, kind) =>
      unsigned(path, kind === "inclusion" ? `10.88.${i % 250}.${Math.floor(i / 250)}` : `10.89.${i % 250}.1`),
    ),
  );
  report(
    `transparency log: proofs at ${fmt(head.size)} leaves, public unsigned calls as /verify and auditors make them (200 of each)`,
    shown(open),
    "—",
    "< 20 ms p95",
    open.median("inclusionP95") < 20 && open.median("consistencyP95") < 20 && open.always("valid"),
  );
  const signed = await repeated(runs, () => proofs((path) => signedFetch(server, key, "GET", path)));
  report(
    `transparency log: the same proofs through signed calls (a provider's client; 200 of each)`,
    shown(signed),
    "—",
    "— (nonce and access log committed per call)",
    signed.always("valid") ? null : false,
  );
}

/**
 * An operator's call of 10 000 `disconnected` events on numbers with an opposition in force, then the
 * call that reinstates them (which leaves the data as it was, plus 20 000 feed changes).
 */
async function benchNumberEvents(server: AppServer, client: pg.Client) {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const keyid = `bench-operator-${Date.now()}`;
  await client.query(
    "INSERT INTO providers (slug, name, anrt_number, kind, updated_at) VALUES ('bench-operator', 'Bench Operator', 'ANRT-BENCH-OP', 'operator', now()) ON CONFLICT (slug) DO NOTHING",
  );
  await client.query(
    "INSERT INTO provider_keys (keyid, provider_id, public_key_pem) SELECT $1, id, $2 FROM providers WHERE slug = 'bench-operator'",
    [keyid, publicKey.export({ type: "spki", format: "pem" }).toString()],
  );
  // Its ANRT block: the numbers below (number events name only the caller's own numbers).
  await client.query(
    "INSERT INTO provider_number_ranges (provider_id, first_number, last_number) SELECT id, '+212610000000', '+212619999999' FROM providers WHERE slug = 'bench-operator' ON CONFLICT DO NOTHING",
  );
  const key = { keyid, privateKey: createPrivateKey(privateKey.export({ type: "pkcs8", format: "pem" })) };
  const r = await repeated(runs, async () => {
    const start = randomInt(1, 5_000_000 - 10_000);
    const phones = Array.from({ length: 10_000 }, (_, i) => `+2126${10_000_000 + start + i}`);
    const call = async (event: string, at: string) => {
      const { ms, value } = await timed(() =>
        signedFetch(
          server,
          key,
          "POST",
          "/numbers/events",
          JSON.stringify({ events: phones.map((phone) => ({ phone, event, at })) }),
        ),
      );
      if (value.response.status !== 200) throw new Error(`numbers/events answered ${value.response.status}`);
      return { ms, result: JSON.parse(Buffer.from(value.bytes).toString()) as { ended: number; restored: number } };
    };
    const disconnected = await call("disconnected", new Date(Date.now() - 60_000).toISOString());
    const reinstated = await call("reinstated", new Date().toISOString());
    return {
      disconnected: disconnected.ms / 1000,
      ended: disconnected.result.ended,
      reinstated: reinstated.ms / 1000,
      restored: reinstated.result.restored,
    };
  });
  report(
    "number events: an operator's call of 10 000 events at 5 M oppositions",
    `disconnected: ${r.show("disconnected", 2, " s")} (${r.show("ended")} oppositions ended); reinstated: ${r.show("reinstated", 2, " s")} (${r.show("restored")} restored)`,
    "—",
    "well under 2 s",
    r.median("disconnected") < 2 && r.median("reinstated") < 2,
  );
}

/** `npm run admin -- log:verify` over the whole log. */
async function benchLogVerify() {
  let summary = "";
  const r = await repeated(runs, async () => {
    const started = Date.now();
    const result = spawnSync(
      process.execPath,
      ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/admin.ts", "log:verify"],
      { env: { ...process.env, DATABASE_URL: benchUrl, NODE_OPTIONS: "" }, encoding: "utf8" },
    );
    summary = (result.stdout || result.stderr).trim().split("\n")[0] ?? "";
    return { seconds: (Date.now() - started) / 1000, ok: +(result.status === 0) };
  });
  report(
    "transparency log: `log:verify` recomputes every leaf and stored hash from the changes table",
    `${r.show("seconds", 1, " s")}: ${summary}`,
    "—",
    "—",
    r.always("ok") ? null : false,
  );
}

/** One `npm start` on the embedded database until /api/health answers, then a graceful stop. */
async function timeStart(dataDir: string): Promise<{ ms: number; failure: string }> {
  const started = Date.now();
  const child = spawn("npm", ["start"], {
    env: {
      ...process.env,
      DATABASE_URL: "",
      AUTH_SECRET: "",
      STOPSMS_DATA_DIR: dataDir,
      PORT: "3248",
      NODE_OPTIONS: "",
    },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  let exited = false;
  const gone = new Promise<void>((resolve) => child.on("exit", () => ((exited = true), resolve())));
  let ms = NaN;
  for (let i = 0; i < 1200 && !exited; i++) {
    try {
      if ((await fetch("http://127.0.0.1:3248/api/health")).ok) {
        ms = Date.now() - started;
        break;
      }
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  if (!exited) process.kill(-child.pid!, "SIGTERM");
  await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  // npm may exit before its children: wait until the whole process group (launcher, server, PGlite) is gone,
  // or the next start would find the port or the data directory still held.
  for (let i = 0; i < 300; i++) {
    try {
      process.kill(-child.pid!, 0);
    } catch {
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { ms, failure: stderr.trim().split("\n").slice(-3).join(" / ") };
}

async function benchColdStart() {
  // Each run: a first start on a fresh data directory (the newcomer's), then a restart on it.
  let failure = "";
  const r = await repeated(runs, async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "stopsms-cold-"));
    const first = await timeStart(dataDir);
    const second = await timeStart(dataDir);
    failure ||= Number.isNaN(first.ms) ? first.failure : Number.isNaN(second.ms) ? second.failure : "";
    return { fresh: first.ms / 1000, again: second.ms / 1000 };
  });
  report(
    "cold start: `npm start` on the embedded database (built app: compiled server, packed initial database) until /api/health answers",
    failure
      ? `never answered: ${failure}`
      : `fresh data dir ${r.show("fresh", 1, " s")}, restart ${r.show("again", 1, " s")}`,
    "—",
    "< 3 s",
    !failure && r.median("fresh") < 3 && r.median("again") < 3,
  );
}

async function benchOptout(server: AppServer) {
  const r = await repeated(runs, async () => {
    const o = await measureOptouts(server.url, adminUrl);
    return { ...o, share: (o.perSecond / o.lockedTps) * 100 };
  });
  report(
    "launch day: opt-outs through /stop (autocannon, 64 connections, 20 s, a distinct number each)",
    `${r.show("perSecond")} opt-outs/s, p50 ${r.show("p50", 0, " ms")}, p99 ${r.show("p99", 0, " ms")} = ${r.show("share")} % of the locked reference (${fmt(r.median("answered303"))} receipts, ${fmt(r.median("other"))} other answers)`,
    `pgbench, 64 clients: ${r.show("insertTps")} single-row INSERT transactions/s; ${r.show("lockedTps")}/s holding one global advisory lock until commit`,
    "≥ 50 % of the locked reference, p99 < 300 ms",
    r.median("share") >= 50 && r.median("p99") < 300 && r.samples.every((run) => run.other === 0),
  );
}

async function main() {
  await buildIfStale(process.env, "building the app…");
  const scaleIndex = process.argv.indexOf("--scale");
  if (scaleIndex > 0) {
    const sizes = (process.argv[scaleIndex + 1] ?? "").split(",").map(Number);
    if (sizes.length < 2 || sizes.some((n) => !(n > 0 && n <= 40)))
      throw new Error("--scale takes sizes in millions of oppositions in force, e.g. --scale 1,5,20");
    return runScale(sizes, benchUrl, adminUrl, log);
  }
  await prepareDatabase();
  const client = new pg.Client({ connectionString: benchUrl });
  await client.connect();
  const key = await registerKey(client);
  const head = Number((await client.query("SELECT max(seq) AS head FROM opposition_changes")).rows[0].head);
  const counts = (
    await client.query(
      "SELECT (SELECT count(*) FROM oppositions WHERE withdrawn_at IS NULL) AS in_force, (SELECT count(*) FROM opposition_changes) AS changes, (SELECT count(*) FROM stop_links) AS links",
    )
  ).rows[0];
  log(
    `data: ${fmt(Number(counts.in_force))} oppositions in force, ${fmt(Number(counts.changes))} changes, ${fmt(Number(counts.links))} links`,
  );
  // BENCH_CPU_PROF=<dir> writes the server's V8 CPU profile there when it stops (to find a bottleneck).
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  // The bench washes and mints several million numbers a minute on purpose: no per-provider quota here.
  const server = await startAppServer(
    benchUrl,
    PORT,
    {
      DB_POOL_MAX: "10",
      STOPSMS_PROVIDER_NUMBERS_PER_MINUTE: "1000000000",
      // The launch-day benchmark posts from many addresses through a local "proxy", past the hourly cap.
      STOPSMS_TRUSTED_PROXIES: "127.0.0.1, ::1",
      STOPSMS_UNVERIFIED_PER_HOUR: "100000000",
      STOPSMS_UNVERIFIED_PER_NETWORK_PER_HOUR: "100000000",
      // The number-events row measures the apply path of 10 000 events, not the review hold.
      STOPSMS_NUMBER_EVENTS_REVIEW_PER_DAY: "1000000000",
      // Each figure measures its own path: no scheduled job (a snapshot files build, say) runs meanwhile.
      STOPSMS_JOBS: "off",
    },
    profile,
  );
  try {
    const jwks = (await (await fetch(`${server.url}/.well-known/stopsms-keys.json`)).json()) as Jwks;
    await measureJustLoaded(server, client, key, jwks, head);
    await loadJustLoaded(client);
    if (wanted("snapshot")) await benchSnapshot(server, key, jwks);
    if (wanted("files")) await benchSnapshotFiles(server, client, jwks);
    if (wanted("changes")) await benchChanges(server, await registerKey(client), head);
    if (wanted("wash")) await benchWash(server, await registerKey(client));
    if (wanted("mint")) await benchMint(server, await registerKey(client), client);
    if (wanted("landing")) {
      const codes = await client.query<{ code: string }>(
        "SELECT code FROM stop_links WHERE campaign = $1 ORDER BY phone DESC LIMIT 10000",
        [GENERATED_CAMPAIGN],
      );
      await benchLanding(
        server,
        codes.rows.map((row) => row.code),
      );
    }
    if (wanted("dashboard")) await benchDashboard(server, client);
    if (wanted("optout")) await benchOptout(server);
    if (wanted("citizen")) await benchCitizenPaths(server, client);
    if (wanted("numbers")) await benchNumberEvents(server, client);
    if (wanted("opendata")) await benchOpenData(server, runs, report);
    if (wanted("log")) {
      await benchLogWrite(client);
      await benchLogProofs(server, await registerKey(client), jwks);
    }
  } finally {
    await server.stop();
    await client.end();
  }
  if (wanted("logverify")) await benchLogVerify();
  if (wanted("coldstart")) await benchColdStart();
  if (only) return;
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, PostgreSQL on 127.0.0.1 (same machine)`;
  const table = [
    "| benchmark | result | reference (same run) | target | met |",
    "|---|---|---|---|---|",
    ...rows.map((r) => `| ${r.benchmark} | ${r.result} | ${r.reference} | ${r.target} | ${r.met} |`),
  ].join("\n");
  await writeFile(
    "docs/benchmarks.md",
    `# Benchmarks\n\nMeasured by \`npm run bench\` on ${new Date().toISOString()}.\nMachine: ${machine}.\nData: ${fmt(Number(counts.in_force))} oppositions in force (7.5 M rows), ${fmt(Number(counts.changes))} feed changes over 180 days, ${fmt(Number(counts.links))} minted links (each mint run adds 1 M more and removes them).\nMethod: each figure is the median of ${runs} runs, the lowest and highest run in brackets; each reference is measured in the same run. The data is measured vacuumed, as autovacuum leaves it soon after a bulk load; the figures that depend on it (wash, change page, snapshot) also show the state just after generation, measured once then.\nWhat limited each figure and what was done about it: [performance.md](performance.md).\n\n${table}\n`,
  );
  console.log(`\n${table}\n\nwritten to docs/benchmarks.md`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
