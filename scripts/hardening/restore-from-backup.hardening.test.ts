import { execFile, execFileSync } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrate";
import { signRequest } from "@/lib/web/signatures/sign-request";
import { startAppServer } from "@/scripts/lib/app-server";
import { tsxCliArgs } from "@/scripts/lib/typescript-script";
import { syncOnce } from "@/scripts/sync-client";
import { postOptOut, recordResult } from "./results";

const PORT = 3245;
const ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres";
const run = promisify(execFile);

/** `npm run admin -- log:verify [--tree-head <file>]` against the drill's database. */
async function logVerify(url: string, treeHeads: string[] = []): Promise<{ code: number; output: string }> {
  const args = tsxCliArgs("scripts/admin.ts", "log:verify", ...treeHeads.flatMap((f) => ["--tree-head", f]));
  try {
    const { stdout } = await run(process.execPath, args, {
      env: { ...process.env, DATABASE_URL: url, NODE_OPTIONS: "" },
    });
    return { code: 0, output: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: `${e.stdout}${e.stderr}` };
  }
}

async function listInForce(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ line: string }>(
    `SELECT phone || E'\\t' || scope || E'\\t-' AS line FROM oppositions WHERE withdrawn_at IS NULL AND scope = 'all' ORDER BY 1`,
  );
  await client.end();
  return rows.map((r) => r.line);
}

describe("a restore from an older backup", () => {
  it("is detected by providers (409 cursor-ahead, a tree head that no longer extends theirs), who rebuild to exactly the list in force; log:verify flags the published tree head", async () => {
    const name = `stopsms_restore_${randomBytes(5).toString("hex")}`;
    const url = `postgresql://postgres@127.0.0.1:5432/${name}`;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const dir = await mkdtemp(path.join(os.tmpdir(), "stopsms-restore-"));
    let server: Awaited<ReturnType<typeof startAppServer>> | undefined;
    try {
      await applyMigrations(url);
      const { publicKey, privateKey } = generateKeyPairSync("ed25519");
      const setup = new pg.Client({ connectionString: url });
      await setup.connect();
      const provider = await setup.query<{ id: number }>(
        "INSERT INTO providers (slug, name, anrt_number, updated_at) VALUES ('restore', 'Restore', 'ANRT-RST', now()) RETURNING id",
      );
      await setup.query("INSERT INTO provider_keys (keyid, provider_id, public_key_pem) VALUES ('restore-k', $1, $2)", [
        provider.rows[0]!.id,
        publicKey.export({ type: "spki", format: "pem" }).toString(),
      ]);
      await setup.end();

      server = await startAppServer(url, PORT, { STOPSMS_JOBS: "off" });
      const optOuts = async (count: number) => {
        for (let i = 0; i < count; i++)
          expect(
            (await postOptOut(server!.url, `+21261${String(1_000_000 + Math.floor(Math.random() * 8_999_999))}`))
              .status,
          ).toBe(303);
      };
      const out = path.join(dir, "provider");
      const client = { url: server.url, keyid: "restore-k", key: privateKey, out };

      await optOuts(20);
      expect((await syncOnce(client)).rebuilt).toBe(false);
      const backup = path.join(dir, "backup.dump");
      execFileSync("pg_dump", ["-Fc", "-f", backup, url]);

      // After the backup: refusals the provider fetches, and whose tree head it keeps.
      await optOuts(15);
      const beforeRestore = await syncOnce(client);
      const providerState = path.join(out, "state.json");
      const seenHead = JSON.parse(await readFile(providerState, "utf8")) as {
        next: number;
        tree_head: { size: number };
      };
      expect(seenHead.tree_head.size).toBe(beforeRestore.treeHead!.size);

      // The restore, as docs/operations.md says: stop, recreate the database from the dump, start again.
      await server.stop();
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${name}`);
      execFileSync("pg_restore", ["--no-owner", "-d", url, backup]);
      server = await startAppServer(url, PORT, { STOPSMS_JOBS: "off" });
      client.url = server.url;

      const verifyRestored = await logVerify(url, [providerState]);
      expect(verifyRestored.code).toBe(1);
      expect(verifyRestored.output).toMatch(/tree head of size \d+ .* is larger than the tree/);
      expect((await logVerify(url)).output).toMatch(/^CONSISTENT/);

      const changesUrl = `${server.url}/api/v1/suppressions/changes?after=${seenHead.next}`;
      const ahead = await fetch(changesUrl, {
        headers: await signRequest({ method: "GET", url: changesUrl, keyid: "restore-k", privateKey }),
      });
      expect(ahead.status).toBe(409);
      expect(((await ahead.json()) as { code: string }).code).toBe("cursor-ahead");

      // New refusals after the restore take the lost changes' places in the feed (and more): the cursor is
      // no longer ahead, only the log shows that history was rewritten.
      await optOuts(20);
      const afterRestore = await syncOnce(client);
      expect(afterRestore.rebuilt).toBe(true);
      const list = (await readFile(path.join(out, "suppressions.tsv"), "utf8")).split("\n").filter(Boolean);
      expect(list).toEqual(await listInForce(url));
      const evidence = await readdir(path.join(out, "evidence"));
      expect(evidence).toHaveLength(1);
      const verifyLater = await logVerify(url, [path.join(out, "evidence", evidence[0]!)]);
      expect(verifyLater.code).toBe(1);
      expect(verifyLater.output).toMatch(/does not match the tree recomputed from the changes/);

      recordResult("restore from an older backup", {
        "refusals before the backup, after it (lost by the restore), after the restore": "20, 15, 20",
        "provider's cursor after the restore": `409 cursor-ahead`,
        "reference client once new refusals overtook its cursor":
          "tree head not consistent with its stored one → rebuilt from a snapshot",
        "its list afterwards": `${list.length} entries, exactly the list in force`,
        "log:verify with the provider's tree head": "NOT CONSISTENT (larger than the tree, then: does not match)",
      });
    } finally {
      await server?.stop();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
