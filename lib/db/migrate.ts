import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

// Applies the committed prisma/migrations in order and records them in Prisma's own
// `_prisma_migrations` table (same columns, same sha256 checksum), so `prisma migrate status` agrees.
// Why not `prisma migrate deploy`: its schema engine is a binary downloaded at run time, which fails on
// air-gapped servers; its WASM variant works but is slow to start and fragile (see README "Migrations").

const MIGRATIONS_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma", "migrations");
// Any fixed number: serialises concurrent migrators (two app instances starting together).
const MIGRATION_LOCK_KEY = 727_367_001;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export async function listMigrationFiles(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

export interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export const APPLIED_MIGRATIONS_SQL = `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`;

async function appliedMigrations(client: pg.ClientBase): Promise<AppliedRow[]> {
  const exists = await client.query<{ present: boolean }>(
    `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`,
  );
  if (!exists.rows[0]?.present) return [];
  return (await client.query<AppliedRow>(APPLIED_MIGRATIONS_SQL)).rows;
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
  failed: string[];
  changed: string[];
}

export function summarizeMigrations(files: MigrationFile[], rows: AppliedRow[]): MigrationStatus {
  const done = new Map(rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => [r.migration_name, r]));
  return {
    applied: files.filter((f) => done.has(f.name)).map((f) => f.name),
    pending: files.filter((f) => !done.has(f.name)).map((f) => f.name),
    failed: rows.filter((r) => !r.finished_at && !r.rolled_back_at).map((r) => r.migration_name),
    changed: files.filter((f) => done.has(f.name) && done.get(f.name)?.checksum !== f.checksum).map((f) => f.name),
  };
}

export async function migrationStatus(client: pg.ClientBase, dir = MIGRATIONS_DIR): Promise<MigrationStatus> {
  const [files, rows] = await Promise.all([listMigrationFiles(dir), appliedMigrations(client)]);
  return summarizeMigrations(files, rows);
}

/** Applies every pending migration, each in its own transaction. Returns the names applied. */
export async function applyMigrations(connectionString: string, dir = MIGRATIONS_DIR): Promise<string[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
    await client.query(CREATE_TABLE);
    const status = await migrationStatus(client, dir);
    if (status.failed.length > 0) {
      throw new Error(`A previous migration failed and needs manual repair: ${status.failed.join(", ")}`);
    }
    const files = (await listMigrationFiles(dir)).filter((f) => status.pending.includes(f.name));
    for (const file of files) {
      await client.query(file.sql);
      await client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), now(), 1)`,
        [randomUUID(), file.checksum, file.name],
      );
    }
    await client.query("COMMIT");
    return files.map((f) => f.name);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
