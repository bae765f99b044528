// `npm run bench`: national-scale benchmarks on a real PostgreSQL, each figure beside its reference measured
// in the same run; prints a table and writes docs/benchmarks.md. Uses BENCH_DATABASE_URL (default: a local
// `stopsms_bench` database, generated once; `-- --fresh` regenerates it). Never touches a non-local host.
// The benches are a registry (scripts/bench/registry.ts), one file per area under scripts/bench/benches/.
import os from "node:os";
import { writeFile } from "node:fs/promises";
import pg from "pg";
import type { Jwks } from "@/lib/web/signatures/verify-response";
import { startAppServer } from "@/scripts/lib/app-server";
import { buildIfStale } from "@/scripts/lib/build-freshness";
import { adminUrl, benchUrl, log, PORT, rows, runs } from "@/scripts/bench/context";
import { loadJustLoaded, measureJustLoaded, prepareDatabase } from "@/scripts/bench/benches/database";
import { BENCHES, benchNames } from "@/scripts/bench/registry";
import { registerKey } from "@/scripts/bench/register-key";
import { runScale } from "@/scripts/bench/run-scale";
import { fmt } from "@/scripts/bench/measure";

// `-- --only snapshot,landing` runs a subset while working on one figure; docs/benchmarks.md is only
// written by a full run, so it never mixes figures from different runs. An unknown name is refused.
const onlyIndex = process.argv.indexOf("--only");
const only = onlyIndex > 0 ? new Set((process.argv[onlyIndex + 1] ?? "").split(",")) : null;
const unknown = [...(only ?? [])].filter((name) => !benchNames.includes(name));
if (unknown.length) throw new Error(`--only: no bench named ${unknown.join(", ")} (benches: ${benchNames.join(", ")})`);
const wanted = (name: string) => !only || only.has(name);

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
    const context = { server, client, key, jwks, head };
    for (const bench of BENCHES) if (bench.withServer && wanted(bench.name)) await bench.run(context);
  } finally {
    await server.stop();
    await client.end();
  }
  for (const bench of BENCHES) if (!bench.withServer && wanted(bench.name)) await bench.run();
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
