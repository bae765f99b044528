// The StopSMS gate (issue 26): its throughput and added latency against the same SMSC reached directly, in
// require and append mode, the memory of its list at 5 M (loaded from the platform) and 20 M entries, and
// how fast a STOP reply stops the next message.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { generateKeyPairSync, randomInt } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import type pg from "pg";
import type { PDU, Session } from "smpp";
import { SuppressionIndex } from "@/lib/gate/suppression-index";
import { bindTestEsme } from "@/lib/gate/test-esme";
import { startTestSmsc } from "@/lib/gate/test-smsc";
import type { AppServer } from "@/scripts/lib/app-server";
import { benchUrl, log, report, runs } from "@/scripts/bench/context";
import { fmt, percentile, repeated } from "@/scripts/bench/measure";
import { TEST_DECLARATION } from "@/lib/testing/declaration";
import { TSX_ENV, tsxCliArgs, tsxImportArgs } from "@/scripts/lib/typescript-script";

const MESSAGES = 50_000;
const WINDOW = 100;
const SMS_ID = "BENCHGATE";
const CAMPAIGN = "bench-gate";

// Every campaign draws numbers no earlier campaign used: the append gate reuses a link it minted for the same
// number (its cache), so a run re-sending to run 1's numbers measured no minting at all ("0 POST /links").
let drawn = 0;

/** MESSAGES submits with WINDOW in flight: rate, per-message latency, and the statuses. */
async function campaign(session: Session, text: (i: number) => string) {
  const first = drawn;
  drawn += MESSAGES;
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: WINDOW }, async () => {
      while (next < MESSAGES) {
        const i = next++;
        const sent = performance.now();
        const answer = await new Promise<PDU>((resolve) =>
          session.submit_sm(
            // +2127… numbers: outside the generated data's +2126… refusals, so every message is sent.
            {
              source_addr: SMS_ID,
              destination_addr: `2127${String(10_000_000 + first + i)}`,
              dest_addr_ton: 1,
              short_message: text(i),
            },
            resolve,
          ),
        );
        latencies.push(performance.now() - sent);
        statuses.set(answer.command_status, (statuses.get(answer.command_status) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { rate: MESSAGES / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), statuses };
}

async function metric(port: number, name: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return Number(new RegExp(`^${name} (\\S+)$`, "m").exec(text)?.[1] ?? NaN);
}

const rssMiB = async (child: ChildProcess) =>
  Number(/VmRSS:\s+(\d+)/.exec(await readFile(`/proc/${child.pid}/status`, "utf8"))?.[1]) / 1024;

async function startGateProcess(dir: string, env: Record<string, string>, metricsPort: number) {
  const child = spawn(process.execPath, tsxImportArgs("scripts/gate.ts"), {
    env: {
      ...process.env,
      NODE_OPTIONS: "",
      ...TSX_ENV,
      LOG_LEVEL: "error",
      STOPSMS_GATE_METRICS: `127.0.0.1:${metricsPort}`,
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const started = Date.now();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const age = await metric(metricsPort, "stopsms_gate_list_age_seconds").catch(() => NaN);
    if (age >= 0) break;
    if (Date.now() - started > 300_000) {
      child.kill("SIGKILL"); // never left running (and holding its ports) after a failed run
      throw new Error("the gate did not load its list in 5 minutes");
    }
  }
  log(`gate (${env.STOPSMS_GATE_MODE}) loaded its list in ${fmt((Date.now() - started) / 1000, 1)} s (${dir})`);
  return child;
}

export async function benchGate(server: AppServer, client: pg.Client) {
  await client.query("UPDATE senders SET sms_sender_ids = ARRAY[$1] WHERE code = 'bench-sender-1'", [SMS_ID]);
  if ((await client.query("SELECT 1 FROM snapshot_builds LIMIT 1")).rowCount === 0) {
    const build = spawnSync(process.execPath, tsxCliArgs("scripts/admin.ts", "snapshot:build"), {
      env: { ...process.env, DATABASE_URL: benchUrl, NODE_OPTIONS: "" },
      encoding: "utf8",
    });
    if (build.status !== 0) throw new Error(`snapshot:build failed: ${build.stderr}`);
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), "stopsms-bench-gate-"));
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const keyid = `bench-gate-${Date.now()}`;
  await client.query(
    "INSERT INTO provider_keys (keyid, provider_id, public_key_pem) SELECT $1, id, $2 FROM providers WHERE slug = 'bench-provider'",
    [keyid, publicKey.export({ type: "spki", format: "pem" }).toString()],
  );
  await writeFile(path.join(dir, "key.pem"), privateKey.export({ type: "pkcs8", format: "pem" }).toString());
  const passwordHash = await hash("bench");
  await writeFile(
    path.join(dir, "accounts.json"),
    JSON.stringify([
      {
        system_id: "bench",
        password_hash: passwordHash,
        kind: "commercial",
        campaign: CAMPAIGN,
        declaration: TEST_DECLARATION,
        per_second: 1_000_000,
      },
    ]),
  );
  const smsc = await startTestSmsc({ systemId: "operator", password: "op-pass" });
  const gateEnv = (mode: string, port: number) => ({
    STOPSMS_GATE_LISTEN: `127.0.0.1:${port}`,
    STOPSMS_GATE_UPSTREAM: `smpp://operator:op-pass@127.0.0.1:${smsc.port}`,
    STOPSMS_GATE_PLATFORM: server.url,
    STOPSMS_GATE_KEYID: keyid,
    STOPSMS_GATE_KEY_FILE: path.join(dir, "key.pem"),
    STOPSMS_GATE_ACCOUNTS: path.join(dir, "accounts.json"),
    STOPSMS_GATE_STATE_DIR: path.join(dir, `state-${mode}`),
    STOPSMS_GATE_MODE: mode,
  });
  const linked = (i: number) => `Soldes d'hiver -30%. STOP SMS: ${new URL(server.url).host}/Bench${i}x`;
  const plain = (i: number) => `Soldes d'hiver -30% chez nous, offre ${i}`;
  const require = await startGateProcess(dir, gateEnv("require", 2875), 9475);
  const memory5m = {
    rss: await rssMiB(require),
    index: (await metric(9475, "stopsms_gate_index_bytes")) / 2 ** 20,
    entries: await metric(9475, "stopsms_gate_list_entries"),
  };
  const append = await startGateProcess(dir, gateEnv("append", 2876), 9476).catch((error: unknown) => {
    require.kill("SIGKILL");
    throw error;
  });
  try {
    log("gate bench: binding");
    const bind = async (port: number, systemId: string, password: string) =>
      (await bindTestEsme(`127.0.0.1:${port}`, systemId, password)).session;
    const direct = await bind(smsc.port, "operator", "op-pass");
    const viaRequire = await bind(2875, "bench", "bench");
    const viaAppend = await bind(2876, "bench", "bench");
    const r = await repeated(runs, async () => {
      log("gate bench: direct");
      const reference = await campaign(direct, linked);
      log(`gate bench: direct ${fmt(reference.rate)}/s; require`);
      const required = await campaign(viaRequire, linked);
      const mintsBefore = await metric(9476, "stopsms_gate_mint_calls_total");
      log(`gate bench: require ${fmt(required.rate)}/s; append`);
      const appended = await campaign(viaAppend, plain);
      log(`gate bench: append ${fmt(appended.rate)}/s; STOP replies`);
      const mints = (await metric(9476, "stopsms_gate_mint_calls_total")) - mintsBefore;
      await client.query("DELETE FROM stop_links WHERE campaign = $1", [CAMPAIGN]);
      if ((required.statuses.get(0) ?? 0) !== MESSAGES || (appended.statuses.get(0) ?? 0) !== MESSAGES)
        throw new Error(`not every message was sent: ${JSON.stringify([...required.statuses, ...appended.statuses])}`);
      // STOP → refusal: the MO reaches the gate, the next submit to that number is refused.
      const stops: number[] = [];
      for (let i = 0; i < 20; i++) {
        // +21273…: a valid mobile range, past every campaign's numbers.
        const phone = `2127${30_000_000 + randomInt(800_000)}`;
        await new Promise<PDU>((resolve) =>
          viaAppend.submit_sm(
            { source_addr: SMS_ID, destination_addr: phone, dest_addr_ton: 1, short_message: "Promo" },
            resolve,
          ),
        );
        const sent = performance.now();
        smsc.sendMo(phone, SMS_ID, "STOP");
        for (let tries = 0; ; tries++) {
          if (tries > 10_000) throw new Error("a STOP reply never stopped the next message");
          const answer = await new Promise<PDU>((resolve) =>
            viaRequire.submit_sm(
              { source_addr: SMS_ID, destination_addr: phone, dest_addr_ton: 1, short_message: linked(0) },
              resolve,
            ),
          );
          if (answer.command_status === 0x401) break;
          // The require gate learns it from the feed; the append gate (which received the MO) at once.
          const appendAnswer = await new Promise<PDU>((resolve) =>
            viaAppend.submit_sm(
              { source_addr: SMS_ID, destination_addr: phone, dest_addr_ton: 1, short_message: "Promo" },
              resolve,
            ),
          );
          if (appendAnswer.command_status === 0x401) break;
        }
        stops.push(performance.now() - sent);
      }
      return {
        direct: reference.rate,
        directP99: reference.p99,
        require: required.rate,
        requireP99: required.p99,
        share: (required.rate / reference.rate) * 100,
        added: required.p99 - reference.p99,
        append: appended.rate,
        appendP99: appended.p99,
        mints,
        stopP50: percentile(stops, 50),
        stopMax: Math.max(...stops),
      };
    });
    for (const session of [direct, viaRequire, viaAppend]) session.destroy();
    report(
      `gate: ${fmt(MESSAGES)} submit_sm through the gate (require mode) vs directly to the same SMSC, ${WINDOW} in flight`,
      `${r.show("require")} submit_sm/s = ${r.show("share")} % of direct, p99 ${r.show("requireP99", 1)} ms (added ${r.show("added", 1)} ms)`,
      `directly: ${r.show("direct")} submit_sm/s, p99 ${r.show("directP99", 1)} ms`,
      "≥ 5 000/s and ≥ 50 % of direct, p99 added < 5 ms",
      r.median("require") >= 5000 && r.median("share") >= 50 && r.median("added") < 5,
    );
    report(
      "gate in append mode: each message gets its recipient's minted link (micro-batched POST /links)",
      `${r.show("append")} submit_sm/s, p99 ${r.show("appendP99", 1)} ms, ${r.show("mints")} POST /links calls for ${fmt(MESSAGES)} links`,
      "—",
      "—",
      null,
    );
    report(
      "gate: a STOP reply (MO) to the next submit to that number refused (20 numbers)",
      `p50 ${r.show("stopP50", 1)} ms, slowest ${r.show("stopMax", 1)} ms`,
      "—",
      "—",
      null,
    );
  } finally {
    // Each gate saves its list on SIGTERM: wait for both before the directory goes.
    await Promise.all(
      [require, append].map((child) => {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        return exited;
      }),
    );
    await smsc.close();
    await rm(dir, { recursive: true, force: true });
  }
  const large = indexMemory(20_000_000);
  report(
    "gate: memory of its list (sorted Float64Array per scope)",
    `5 M (loaded from the platform: ${fmt(memory5m.entries)} entries): index ${fmt(memory5m.index)} MiB, process RSS ${fmt(memory5m.rss)} MiB; 20 M (built in the bench): index ${fmt(large.index)} MiB, heap + buffers ${fmt(large.total)} MiB`,
    "—",
    "≤ 400 MB at 20 M",
    large.total * 2 ** 20 <= 400e6,
  );
}

/** A list of `count` entries built as the gate builds one, and what it holds once built. */
function indexMemory(count: number): { index: number; total: number } {
  globalThis.gc?.();
  const before = process.memoryUsage();
  const builder = SuppressionIndex.builder();
  const batch: { phone: string; scope: string; sender: string | null }[] = [];
  for (let i = 0; i < count; i++) {
    batch.push({
      phone: `+2126${String(i).padStart(8, "0")}`,
      scope: i % 10 ? "all" : "sender",
      sender: i % 10 ? null : `s${i % 7}`,
    });
    if (batch.length === 100_000) builder.add(batch.splice(0));
  }
  builder.add(batch);
  const index = builder.build();
  globalThis.gc?.();
  const after = process.memoryUsage();
  const total = (after.heapUsed - before.heapUsed + after.arrayBuffers - before.arrayBuffers) / 2 ** 20;
  return { index: index.bytes / 2 ** 20, total: Math.max(total, index.bytes / 2 ** 20) };
}
