// `npm run bench -- --scale 1,5,20`: how each cost grows with the list — 1, 5 and 20 million oppositions in
// force (feeds twice that), each in a database of its own (stopsms_bench_<n>m; 5 is the main bench data):
// wash of 1 M, change page of 10 000, mint of 100 000, dashboard and open-data p95, landing req/s, opt-out
// p50. One table per size, then a line per cost saying how it grows. Writes docs/benchmarks-scale.md.
import { randomInt, type KeyObject } from "node:crypto";
import { writeFile } from "node:fs/promises";
import os from "node:os";
import autocannon from "autocannon";
import pg from "pg";
import { signRequest } from "@/lib/web/signatures/sign-request";
import { assertLocalDatabaseUrl } from "@/lib/testing/local-database";
import { startAppServer, type AppServer } from "@/scripts/lib/app-server";
import { signInAnalyst } from "./bench-citizen-paths";
import { postOptouts } from "./bench-optout";
import { registerKey } from "./register-key";
import { GENERATED_CAMPAIGN, generateBenchData } from "./generate-data";
import { fmt, percentile, timed } from "./measure";
import { TEST_DECLARATION } from "@/lib/testing/declaration";

type Key = { keyid: string; privateKey: KeyObject };
type Figures = Record<string, { value: number; unit: string; higherIsBetter?: boolean }>;

const PORT = 3252;

function urlFor(base: string, millions: number): string {
  if (millions === 5) return base;
  const url = new URL(base);
  url.pathname = `/stopsms_bench_${String(millions).replace(".", "_")}m`;
  return url.toString();
}

async function prepare(adminUrl: string, url: string, millions: number, log: (line: string) => void) {
  assertLocalDatabaseUrl(url);
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  if ((await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 0)
    await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const { applyMigrations } = await import("@/lib/db/migrate");
  const applied = await applyMigrations(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const generated = (await client.query("SELECT to_regclass('bench_marker') IS NOT NULL AS present")).rows[0].present;
  if (!generated) {
    log(`generating ${millions} M oppositions in force, ${millions * 2} M changes…`);
    const { ms } = await timed(() => generateBenchData(client, log, millions * 1_000_000));
    log(`  generated in ${fmt(ms / 1000)} s`);
  } else if (applied.length > 0) await client.query("VACUUM (ANALYZE)");
  await client.query("DELETE FROM stop_links WHERE campaign LIKE 'bench-run-%'");
  // The full bench's mint runs leave deleted links that autovacuum may not have cleared yet.
  await client.query("VACUUM (ANALYZE) stop_links");
  return client;
}

async function call(server: AppServer, key: Key, method: string, path: string, body?: string) {
  const url = `${server.url}/api/v1${path}`;
  const response = await fetch(url, { method, body, headers: await signRequest({ method, url, body, ...key }) });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${text.slice(0, 200)}`);
  return text;
}

const numbers = (count: number, from: number) =>
  Array.from({ length: count }, (_, i) => `+2126${10_000_000 + from + i * 7 + 3}`);

async function measureSize(server: AppServer, client: pg.Client): Promise<Figures> {
  const key = await registerKey(client);
  const wash = await timed(async () => {
    for (let c = 0; c < 10; c++)
      await call(
        server,
        key,
        "POST",
        "/suppressions/check",
        JSON.stringify({ sender: "bench-sender-1", phones: numbers(100_000, c * 100_000) }),
      );
  });
  const head = Number((await client.query("SELECT max(seq) AS head FROM opposition_changes")).rows[0].head);
  const pages: number[] = [];
  for (let i = 0; i < 40; i++) {
    const after = randomInt(0, Math.max(1, head - 20_000));
    pages.push((await timed(() => call(server, key, "GET", `/suppressions/changes?after=${after}&limit=10000`))).ms);
  }
  const mint = await timed(() =>
    call(
      server,
      key,
      "POST",
      "/links",
      JSON.stringify({
        sender: "bench-sender-2",
        campaign: `bench-run-${Date.now()}`,
        phones: numbers(100_000, 0),
        expires_in_days: 90,
        declaration: TEST_DECLARATION,
      }),
    ),
  );
  const cookie = await signInAnalyst(server.url, client);
  const dashboard: number[] = [];
  for (let i = 0; i < 25; i++)
    dashboard.push(
      (await timed(() => fetch(`${server.url}/staff?range=90d`, { headers: { cookie } }).then((r) => r.text()))).ms,
    );
  const day = (offset: number) => new Date(Date.now() - offset * 86_400_000).toISOString().slice(0, 10);
  const openData: number[] = [];
  for (let i = 0; i < 25; i++) {
    const url = `${server.url}/api/open/v1/refusals-weekly.json?range=custom&from=${day(120 + 7 * i)}&to=${day(7 * i)}`;
    openData.push(
      (await timed(() => fetch(url, { headers: { "x-forwarded-for": `10.78.${i}.1` } }).then((r) => r.text()))).ms,
    );
  }
  const codes = (
    await client.query<{ code: string }>("SELECT code FROM stop_links WHERE campaign = $1 LIMIT 10000", [
      GENERATED_CAMPAIGN,
    ])
  ).rows.map((r) => r.code);
  let next = 0;
  const landing = await new Promise<autocannon.Result>((resolve, reject) =>
    autocannon(
      {
        url: server.url,
        connections: 50,
        duration: 10,
        requests: [
          {
            method: "GET",
            setupRequest: (r: autocannon.Request) => ({ ...r, path: `/${codes[next++ % codes.length]}` }),
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    ),
  );
  const optout = await postOptouts(server.url, 10);
  if (optout.receipts < optout.requests.total * 0.99)
    throw new Error(`opt-outs: ${optout.receipts} receipts for ${optout.requests.total} posts`);
  return {
    "wash of 1 M (10 calls)": { value: wash.ms / 1000, unit: "s" },
    "change page of 10 000, p50": { value: percentile(pages, 50), unit: "ms" },
    "mint of 100 000": { value: mint.ms / 1000, unit: "s" },
    "dashboard /staff?range=90d, p95": { value: percentile(dashboard, 95), unit: "ms" },
    "open data refusals-weekly, p95": { value: percentile(openData, 95), unit: "ms" },
    "landing page": { value: landing.requests.average, unit: "req/s", higherIsBetter: true },
    "opt-out through /stop (64 connections), p50": { value: optout.latency.p50, unit: "ms" },
  };
}

/** How a cost grows from the smallest size to the largest, from the exponent of a power law through both. */
function growth(sizes: number[], values: number[], higherIsBetter: boolean): string {
  const ratio = sizes.at(-1)! / sizes[0]!;
  const cost = (v: number) => (higherIsBetter ? 1 / v : v);
  const exponent = Math.log(cost(values.at(-1)!) / cost(values[0]!)) / Math.log(ratio);
  const kind = exponent < 0.15 ? "flat" : exponent < 0.6 ? "sub-linear (log-like)" : "linear";
  return `${kind}: ×${fmt(cost(values.at(-1)!) / cost(values[0]!), 2)} for ×${fmt(ratio)} the data (exponent ${fmt(exponent, 2)})`;
}

export async function runScale(sizes: number[], baseUrl: string, adminUrl: string, log: (line: string) => void) {
  const results: { millions: number; inForce: number; figures: Figures }[] = [];
  for (const millions of sizes) {
    const url = urlFor(baseUrl, millions);
    const client = await prepare(adminUrl, url, millions, log);
    const inForce = Number(
      (await client.query("SELECT count(*) AS n FROM oppositions WHERE withdrawn_at IS NULL")).rows[0].n,
    );
    const server = await startAppServer(url, PORT, {
      DB_POOL_MAX: "10",
      STOPSMS_PROVIDER_NUMBERS_PER_MINUTE: "1000000000",
      STOPSMS_TRUSTED_PROXIES: "127.0.0.1, ::1",
      STOPSMS_UNVERIFIED_PER_HOUR: "100000000",
      STOPSMS_UNVERIFIED_PER_NETWORK_PER_HOUR: "100000000",
      STOPSMS_JOBS: "off",
    });
    try {
      const figures = await measureSize(server, client);
      results.push({ millions, inForce, figures });
      await writeReport(results, sizes); // after each size: a long run stopped half-way keeps what it measured
      for (const [name, f] of Object.entries(figures))
        log(`${millions} M: ${name}: ${fmt(f.value, f.unit === "s" ? 2 : 0)} ${f.unit}`);
    } finally {
      await server.stop();
      await client.end();
    }
  }
  console.log(`\n${await writeReport(results, sizes)}\nwritten to docs/benchmarks-scale.md`);
}

async function writeReport(results: { millions: number; inForce: number; figures: Figures }[], sizes: number[]) {
  const tables = results.map(
    (r) =>
      `### ${r.millions} M oppositions in force (${fmt(r.inForce)}; feed ${r.millions * 2} M)\n\n| cost | result |\n|---|---|\n` +
      Object.entries(r.figures)
        .map(([name, f]) => `| ${name} | ${fmt(f.value, f.unit === "s" ? 2 : 0)} ${f.unit} |`)
        .join("\n"),
  );
  const lines = Object.keys(results[0]!.figures).map((name) => {
    const f = results[0]!.figures[name]!;
    return `- **${name}**: ${growth(
      results.map((r) => r.millions),
      results.map((r) => r.figures[name]!.value),
      Boolean(f.higherIsBetter),
    )}.`;
  });
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, PostgreSQL on 127.0.0.1 (same machine)`;
  const text = `# Benchmarks: how costs grow with the list\n\nMeasured by \`npm run bench -- --scale ${sizes.join(",")}\` on ${new Date().toISOString()}.\nMachine: ${machine}. Each size is its own generated database (vacuumed and analysed, as autovacuum would leave it); one run per size.\n\n${tables.join("\n\n")}\n\n## Growth from ${results[0]!.millions} M to ${results.at(-1)!.millions} M\n\n${results.length > 1 ? lines.join("\n") : "(one size measured so far)"}\n`;
  await writeFile("docs/benchmarks-scale.md", text);
  return text;
}
