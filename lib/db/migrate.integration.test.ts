import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { applyMigrations, listMigrationFiles, migrationStatus } from "./migrate";

describe("migrations", () => {
  it("are all applied to the test database and recorded with Prisma's checksums", async () => {
    const client = new pg.Client({ connectionString: inject("databaseUrl") });
    await client.connect();
    try {
      const status = await migrationStatus(client);
      const files = await listMigrationFiles();
      expect(status).toEqual({ applied: files.map((f) => f.name), pending: [], failed: [], changed: [] });
    } finally {
      await client.end();
    }
    expect(await applyMigrations(inject("databaseUrl"))).toEqual([]);
  });

  it("roll back as a whole when one fails, leaving nothing half-applied", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "stopsms-migrations-"));
    await mkdir(path.join(dir, "1_ok"));
    await writeFile(path.join(dir, "1_ok", "migration.sql"), "CREATE TABLE migration_probe_ok (id int);");
    await mkdir(path.join(dir, "2_broken"));
    await writeFile(
      path.join(dir, "2_broken", "migration.sql"),
      "CREATE TABLE migration_probe_broken (id int); SELECT no_such_function();",
    );
    await expect(applyMigrations(inject("databaseUrl"), dir)).rejects.toThrow(/no_such_function/);
    const client = new pg.Client({ connectionString: inject("databaseUrl") });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT to_regclass('migration_probe_ok') AS t`);
      expect(rows[0].t).toBeNull();
    } finally {
      await client.end();
    }
  });
});
