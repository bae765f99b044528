import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { assertLocalDatabaseUrl } from "./local-database";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export interface TestDatabase {
  url: string;
  kind: "postgresql" | "embedded";
  drop(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * A fresh, migrated database for one test run: `stopsms_test_<random>` on TEST_DATABASE_URL's server,
 * or, when no PostgreSQL answers there, an embedded PGlite in a temporary directory (said out loud,
 * never a silent skip).
 */
export async function createTestDatabase(log: (line: string) => void = console.log): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
  assertLocalDatabaseUrl(adminUrl);
  if (await answers(adminUrl)) {
    const name = `stopsms_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    await applyMigrations(url.toString());
    log(`[tests] PostgreSQL database ${name} on ${url.host}`);
    return {
      url: url.toString(),
      kind: "postgresql",
      async drop() {
        const client = new pg.Client({ connectionString: adminUrl });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.end();
      },
    };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), "stopsms-test-"));
  const embedded = await startEmbeddedDatabase(dir);
  await applyMigrations(embedded.url);
  process.env.STOPSMS_EMBEDDED = "1"; // inherited by test workers and servers: see preparedName()
  log(
    `[tests] no PostgreSQL answers at ${new URL(adminUrl).host}: using embedded PGlite (socket in ${embedded.socketDir})`,
  );
  return {
    url: embedded.url,
    kind: "embedded",
    async drop() {
      await embedded.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
