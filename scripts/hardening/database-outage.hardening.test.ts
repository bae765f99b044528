// PostgreSQL stopped and restarted under load, on a cluster of this test's own. Two faults it once hid: a
// request waited 5 s for a pooled client that an outage had killed (Prisma's adapter kept clients whose
// connection was terminated mid-transaction, until the pool had none left), and the probe that should have
// noticed the outage went through that same exhausted pool. Both are fixed in lib/db/client.ts.
import { execFileSync } from "node:child_process";
import { generateKeyPairSync, randomInt } from "node:crypto";
import { chownSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrate";
import { signRequest } from "@/lib/web/signatures/sign-request";
import { startAppServer } from "@/scripts/lib/app-server";
import { postOptOut, recordResult } from "./results";

const APP_PORT = 3242;
const PG_PORT = 55_000 + randomInt(1000);
const BIN = `/usr/lib/postgresql/${readdirSync("/usr/lib/postgresql").sort().at(-1)}/bin`;

/** A PostgreSQL cluster of this test's own (initdb/pg_ctl as the postgres user), so it can be stopped. */
function cluster() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "stopsms-outage-"));
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  chownSync(dir, uid, uid);
  // stdio ignored: the postmaster that pg_ctl forks would otherwise hold our pipes open, and we would wait forever.
  const asPostgres = (tool: string, args: string[]) =>
    execFileSync("runuser", ["-u", "postgres", "--", `${BIN}/${tool}`, ...args], { stdio: "ignore", timeout: 60_000 });
  asPostgres("initdb", ["-D", `${dir}/data`, "-A", "trust", "-U", "postgres", "--no-sync"]);
  const options = `-p ${PG_PORT} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  return {
    url: `postgresql://postgres@127.0.0.1:${PG_PORT}/stopsms`,
    start: () => asPostgres("pg_ctl", ["-D", `${dir}/data`, "-o", options, "-l", `${dir}/log`, "-w", "start"]),
    restart: () =>
      asPostgres("pg_ctl", ["-D", `${dir}/data`, "-o", options, "-l", `${dir}/log`, "-m", "fast", "-w", "restart"]),
    stop: () => asPostgres("pg_ctl", ["-D", `${dir}/data`, "-m", "fast", "-w", "stop"]),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

describe("a database outage under load", () => {
  it("answers 503 with Retry-After (signed problem+json on the API, a friendly page elsewhere), recovers by itself, loses no acknowledged refusal", async () => {
    const db = cluster();
    db.start();
    // The cluster is stopped and removed whatever happens below (a leftover would hold its port).
    try {
      await outageRun(db);
    } finally {
      try {
        db.stop();
      } catch {
        // already stopped
      }
      db.remove();
    }
  });
});

/** Load, outage, recovery, and the check that nothing acknowledged was lost. */
async function outageRun(db: ReturnType<typeof cluster>) {
  const admin = new pg.Client({ connectionString: `postgresql://postgres@127.0.0.1:${PG_PORT}/postgres` });
  await admin.connect();
  await admin.query("CREATE DATABASE stopsms");
  await admin.end();
  await applyMigrations(db.url);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const provider = await client.query<{ id: number }>(
    "INSERT INTO providers (slug, name, anrt_number, updated_at) VALUES ('outage', 'Outage', 'ANRT-OUT', now()) RETURNING id",
  );
  await client.query("INSERT INTO provider_keys (keyid, provider_id, public_key_pem) VALUES ('outage-k', $1, $2)", [
    provider.rows[0]!.id,
    publicKey.export({ type: "spki", format: "pem" }).toString(),
  ]);
  await client.end();

  const server = await startAppServer(db.url, APP_PORT, { DB_POOL_MAX: "4", STOPSMS_JOBS: "off" });
  const acknowledged = new Set<string>();
  const statuses = new Map<number, number>();
  let stop = false;
  const worker = async () => {
    while (!stop) {
      const phone = `+21261${randomInt(1_000_000, 9_999_999)}`;
      const { status, receipt } = await postOptOut(server.url, phone);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (receipt) acknowledged.add(phone);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  try {
    const workers = Array.from({ length: 8 }, worker);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const beforeOutage = acknowledged.size;
    db.stop();
    await new Promise((resolve) => setTimeout(resolve, 2_000));

    // Every call bounded: an outage must answer, not hang. The requests that discover the outage may fail
    // (500); from then on every answer is a 503 until the database is back.
    let page = await fetch(`${server.url}/stop`, { signal: AbortSignal.timeout(10_000) });
    let discovering = 0;
    for (let i = 0; i < 50 && page.status !== 503; i++) {
      discovering++;
      await new Promise((resolve) => setTimeout(resolve, 200));
      page = await fetch(`${server.url}/stop`, { signal: AbortSignal.timeout(10_000) });
    }
    expect(page.status).toBe(503);
    expect(Number(page.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await page.text()).toContain("Service momentanément indisponible");
    const url = `${server.url}/api/v1/senders`;
    const api = await fetch(url, {
      headers: await signRequest({ method: "GET", url, keyid: "outage-k", privateKey }),
      signal: AbortSignal.timeout(10_000),
    });
    expect(api.status).toBe(503);
    expect(api.headers.get("content-type")).toBe("application/problem+json");
    expect(Number(api.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await api.json()).toMatchObject({ status: 503, code: "unavailable" });

    const downAt = Date.now();
    db.start();
    let recoveredMs = -1;
    for (let i = 0; i < 150 && recoveredMs < 0; i++) {
      const status = await fetch(`${server.url}/stop`, { signal: AbortSignal.timeout(5_000) }).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) recoveredMs = Date.now() - downAt;
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(recoveredMs).toBeGreaterThanOrEqual(0);
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    // A restart too quick for any probe to see the server gone: connections die mid-transaction, and the
    // app must still have clients to give afterwards (pages at 200 again within seconds, not 5 s waits).
    db.restart();
    const restartedAt = Date.now();
    let afterRestartMs = -1;
    for (let i = 0; i < 50 && afterRestartMs < 0; i++) {
      const started = Date.now();
      const status = await fetch(`${server.url}/stop`, { signal: AbortSignal.timeout(10_000) }).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200 && Date.now() - started < 1_000) afterRestartMs = Date.now() - restartedAt;
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(afterRestartMs).toBeGreaterThanOrEqual(0);
    const apiAfter = await fetch(url, {
      headers: await signRequest({ method: "GET", url, keyid: "outage-k", privateKey }),
      signal: AbortSignal.timeout(10_000),
    });
    expect(apiAfter.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    stop = true;
    await Promise.all(workers);

    const check = new pg.Client({ connectionString: db.url });
    await check.connect();
    const { rows } = await check.query<{ phone: string }>(
      "SELECT phone FROM oppositions WHERE phone = ANY($1::text[]) AND withdrawn_at IS NULL",
      [[...acknowledged]],
    );
    await check.end();
    const lost = [...acknowledged].filter((p) => !rows.some((r) => r.phone === p));
    expect(lost).toEqual([]);
    expect(acknowledged.size).toBeGreaterThan(beforeOutage);
    recordResult("database outage", {
      "opt-outs acknowledged (before, then in all)": `${beforeOutage}, ${acknowledged.size}`,
      "acknowledged but lost": lost.length,
      "answers during the run (status: count)": [...statuses].map(([s, n]) => `${s}: ${n}`).join(", "),
      "pages and API while down": "503 with Retry-After",
      "page requests before the outage was noticed": discovering,
      "back to 200 after the database restarted (ms)": recoveredMs,
      "fast restart under load (no probe saw it down): pages answering in < 1 s again after (ms)": afterRestartMs,
    });
  } finally {
    stop = true;
    await server.stop();
  }
}
