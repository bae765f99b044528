import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import { db } from "@/lib/db/client";
import { createApiProvider, type TestProvider } from "@/lib/testing/api-client";
import { startPlatformServer, type PlatformServer } from "@/lib/testing/platform-server";
import { gatePlatform } from "@/lib/web/platform-client/gate-platform";
import type { GateAccount, GateConfig } from "@/lib/gate/config";
import { startGate, type RunningGate } from "@/lib/gate/start-gate";
import { bindTestEsme } from "@/lib/gate/test-esme";
import { startTestSmsc, type TestSmsc } from "@/lib/gate/test-smsc";
import { TEST_DECLARATION } from "@/lib/testing/declaration";

// The gate's test bench: the platform's real handlers over HTTP, a real SMSC and real ESMEs (the `smpp`
// package's server and client), a provider with two senders and their SMS ids.

export const PASSWORD = "esme-pass";

export interface GateBench {
  provider: TestProvider;
  platform: PlatformServer;
  smsc: TestSmsc;
  accounts: GateAccount[];
  stateDir: string;
  start(overrides?: Partial<GateConfig>): Promise<RunningGate>;
  close(): Promise<void>;
}

export async function openGateBench(): Promise<GateBench> {
  const provider = await createApiProvider(2);
  const [souk, other] = provider.senders;
  await db().sender.update({ where: { id: souk!.id }, data: { smsSenderIds: ["SOUK"] } });
  await db().sender.update({ where: { id: other!.id }, data: { smsSenderIds: ["OTHER"] } });
  const platform = await startPlatformServer();
  const smsc = await startTestSmsc({ systemId: "operator", password: "op-pass" });
  const passwordHash = await hash(PASSWORD);
  const accounts: GateAccount[] = [
    {
      system_id: "esme1",
      password_hash: passwordHash,
      kind: "commercial",
      campaign: "winter",
      declaration: TEST_DECLARATION,
      max_parts: 3,
      per_second: 10_000,
    },
    {
      system_id: "esme2",
      password_hash: passwordHash,
      kind: "commercial",
      campaign: "spring",
      declaration: TEST_DECLARATION,
      max_parts: 3,
      per_second: 10_000,
    },
    { system_id: "bank1", password_hash: passwordHash, kind: "transactional", max_parts: 3, per_second: 10_000 },
  ];
  const stateDir = await mkdtemp(path.join(os.tmpdir(), "gate-state-"));
  const gates: RunningGate[] = [];
  return {
    provider,
    platform,
    smsc,
    accounts,
    stateDir,
    async start(overrides = {}) {
      const config: GateConfig = {
        listen: { host: "127.0.0.1", port: 0 },
        upstream: { host: "127.0.0.1", port: smsc.port, systemId: "operator", password: "op-pass" },
        platform: platform.url,
        keyid: provider.keyid,
        keyFile: "",
        accounts,
        stateDir,
        mode: "append",
        maxStalenessMs: 6 * 3_600_000,
        feedMs: 200,
        concatWaitMs: 5_000,
        metrics: null,
        ...overrides,
      };
      const client = gatePlatform({
        url: platform.url,
        keyid: provider.keyid,
        key: provider.privateKey,
        userAgent: "stopsms-gate/test",
      });
      const gate = await startGate(config, client, (level, message, fields) =>
        process.env.GATE_LOG ? console.log(level, message, fields) : undefined,
      );
      gates.push(gate);
      return gate;
    },
    async close() {
      for (const gate of gates) await gate.stop().catch(() => undefined);
      await smsc.close();
      await platform.close();
      await rm(stateDir, { recursive: true, force: true });
    },
  };
}

/** An ESME bound to the gate as a transceiver, with the accounts' password. */
export const bindEsme = (port: number, systemId: string, password = PASSWORD) =>
  bindTestEsme(`127.0.0.1:${port}`, systemId, password);

export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
