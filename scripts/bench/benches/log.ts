// The transparency log: appending, proofs, and a full verification.
import { spawnSync } from "node:child_process";
import { randomInt, type KeyObject } from "node:crypto";
import pg from "pg";
import { performance } from "node:perf_hooks";
import { verifyPlatformResponse, type Jwks } from "@/lib/web/signatures/verify-response";
import { type AppServer } from "@/scripts/lib/app-server";
import { fmt, percentile, repeated, timed, type Runs } from "@/scripts/bench/measure";
import { report, benchUrl, runs, signedFetch } from "@/scripts/bench/context";
import { tsxCliArgs } from "@/scripts/lib/typescript-script";

export async function benchLogWrite(client: pg.Client) {
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

export async function benchLogProofs(server: AppServer, key: { keyid: string; privateKey: KeyObject }, jwks: Jwks) {
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

export async function benchLogVerify() {
  let summary = "";
  const r = await repeated(runs, async () => {
    const started = Date.now();
    const result = spawnSync(process.execPath, tsxCliArgs("scripts/admin.ts", "log:verify"), {
      env: { ...process.env, DATABASE_URL: benchUrl, NODE_OPTIONS: "" },
      encoding: "utf8",
    });
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
