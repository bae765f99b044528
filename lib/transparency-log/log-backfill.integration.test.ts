import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrate";
import { changeLeafHash } from "./leaf-data";
import { hashChildren, hashLeaf, nodeKeyId, treeRoot, type Hash, type NodeKey } from "./merkle";
import { verifyLog } from "./verify-log";

describe("the log's backfill and log:verify", () => {
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL!.replace(/\/[^/]+$/, "/postgres") });
  const name = `${new URL(process.env.DATABASE_URL!).pathname.slice(1)}_log`;
  const url = process.env.DATABASE_URL!.replace(/\/[^/]+$/, `/${name}`);
  let client: pg.Client;
  let earlierMigrations: string;

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    // The migrations before the log, then changes written as they were, then the log's migration.
    earlierMigrations = await mkdtemp(path.join(os.tmpdir(), "stopsms-migrations-"));
    const all = path.join(process.cwd(), "prisma", "migrations");
    for (const entry of await readdir(all, { withFileTypes: true })) {
      if (entry.isDirectory() && entry.name < "20261124050000")
        await cp(path.join(all, entry.name), path.join(earlierMigrations, entry.name), { recursive: true });
    }
    await applyMigrations(url, earlierMigrations);
    client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("INSERT INTO senders (code, name, updated_at) VALUES ('atlas-bank', 'Atlas Bank', now())");
    await client.query(`
      INSERT INTO opposition_changes (seq, op, phone, scope, sender_id, source, reason, at)
      SELECT 10 + 3 * i, CASE WHEN i % 5 = 4 THEN 'remove' ELSE 'add' END::"ChangeOp", '+2126' || (10000000 + i), CASE WHEN i % 2 = 0 THEN 'all' ELSE 'sender' END::"Scope",
             CASE WHEN i % 2 = 0 THEN NULL ELSE (SELECT id FROM senders) END, 'web', CASE WHEN i % 5 = 4 THEN 'withdrawn' ELSE 'opposed' END,
             timestamptz '2026-11-01 10:00:00.123+00' + i * interval '1 minute'
      FROM generate_series(0, 36) i`);
    await applyMigrations(url);
  });

  afterAll(async () => {
    await client?.end();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    await rm(earlierMigrations, { recursive: true, force: true });
  });

  it("gives past changes indexes in seq order, fresh salts, and the tree a naive computation gives", async () => {
    const { rows } = await client.query<{
      seq: string;
      op: string;
      reason: string;
      phone: string;
      scope: string;
      sender: string | null;
      at: Date;
      index: string;
      salt: string;
    }>(
      `SELECT c.seq, c.op::text AS op, c.reason, c.phone, c.scope::text AS scope, s.code AS sender, c.at, c.log_index AS index, c.salt
       FROM opposition_changes c LEFT JOIN senders s ON s.id = c.sender_id ORDER BY c.seq`,
    );
    expect(rows.map((r) => Number(r.index))).toEqual(rows.map((_, i) => i));
    expect(new Set(rows.map((r) => r.salt)).size).toBe(rows.length);
    const leaves = rows.map((r) => changeLeafHash({ ...r, seq: BigInt(r.seq), index: BigInt(r.index) }));
    const naive = (list: Hash[]): Hash => {
      if (list.length === 1) return list[0]!;
      const k = 2 ** Math.floor(Math.log2(list.length - 1));
      return hashChildren(naive(list.slice(0, k)), naive(list.slice(k)));
    };
    const read = async (keys: NodeKey[]) => {
      const result = await client.query<{ level: number; idx: string; hash: Buffer }>(
        "SELECT level, idx, hash FROM log_hashes",
      );
      const all = new Map(result.rows.map((h) => [nodeKeyId({ level: h.level, idx: Number(h.idx) }), h.hash]));
      return new Map(keys.map((k) => [nodeKeyId(k), all.get(nodeKeyId(k))!]));
    };
    expect((await treeRoot(rows.length, read)).equals(naive(leaves))).toBe(true);

    // Changes written after the migration go through the trigger and extend the same tree.
    await client.query(
      `INSERT INTO opposition_changes (op, phone, scope, sender_id, source, reason) VALUES ('add', '+212699999999', 'all', NULL, 'web', 'opposed')`,
    );
    const added = await client.query<{
      seq: string;
      op: string;
      reason: string;
      phone: string;
      scope: string;
      at: Date;
      index: string;
      salt: string;
    }>(
      "SELECT seq, op::text AS op, reason, phone, scope::text AS scope, at, log_index AS index, salt FROM opposition_changes WHERE phone = '+212699999999'",
    );
    const row = added.rows[0]!;
    expect(Number(row.index)).toBe(rows.length);
    const leaf = changeLeafHash({ ...row, sender: null, seq: BigInt(row.seq), index: BigInt(row.index) });
    expect((await treeRoot(rows.length + 1, read)).equals(naive([...leaves, leaf]))).toBe(true);
    expect(hashLeaf("x")).toHaveLength(32);
  });

  it("log:verify finds the log consistent, then catches a rewritten change, a rewritten stored hash, and a tree head larger than the tree", async () => {
    const clean = await verifyLog([], client);
    expect(clean.problems).toEqual([]);
    expect(clean.leavesChecked).toBe(clean.size);

    const size = clean.size;
    const { rows } = await client.query<{ hash: Buffer }>("SELECT hash FROM log_hashes WHERE level = 0 AND idx = 0");
    // A tree head from before a restore: larger than today's tree.
    const future = await verifyLog(
      [{ size: size + 5, root: rows[0]!.hash.toString("base64url"), source: "provider state" }],
      client,
    );
    expect(future.problems.join("\n")).toMatch(/tree head of size \d+ from provider state is larger than the tree/);

    await client.query("UPDATE opposition_changes SET phone = '+212600000001' WHERE log_index = 3");
    expect((await verifyLog([], client)).problems.join("\n")).toContain("leaf 3 (seq");

    await client.query("SET session_replication_role = replica"); // the append-only trigger stops a mere UPDATE
    await client.query("UPDATE log_hashes SET hash = sha256(hash) WHERE level = 2 AND idx = 1");
    await client.query("SET session_replication_role = DEFAULT");
    expect((await verifyLog([], client)).problems.join("\n")).toContain("stored hash 2:1 does not match");
    await expect(client.query("UPDATE log_hashes SET hash = hash WHERE level = 0 AND idx = 0")).rejects.toThrow(
      /append-only/,
    );
  });
});
