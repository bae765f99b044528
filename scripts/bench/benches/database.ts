// The bench database: generated once (or with --fresh), and the figures of its state just after a bulk load.
import { type KeyObject } from "node:crypto";
import pg from "pg";
import { type Jwks } from "@/lib/web/signatures/verify-response";
import { assertLocalDatabaseUrl } from "@/lib/testing/local-database";
import { type AppServer } from "@/scripts/lib/app-server";
import { GENERATED_CAMPAIGN, IN_FORCE, generateBenchData, generateBenchLinks } from "@/scripts/bench/generate-data";
import { fmt, timed } from "@/scripts/bench/measure";
import { log, report, adminUrl, benchUrl, fresh, justLoaded } from "@/scripts/bench/context";
import { snapshotThroughApi, changePages, wash } from "@/scripts/bench/benches/api";

export async function prepareDatabase(): Promise<void> {
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

export async function measureJustLoaded(
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

export async function loadJustLoaded(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ benchmark: string; result: string; measured_at: Date }>(
    "SELECT benchmark, result, measured_at FROM bench_just_loaded",
  );
  for (const row of rows)
    justLoaded.set(
      row.benchmark,
      `just loaded, before VACUUM (one run, ${row.measured_at.toISOString().slice(0, 10)}, when the data was generated): ${row.result}`,
    );
}
