import { spawn } from "node:child_process";
import { createPrivateKey, randomBytes } from "node:crypto";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import { expect, test } from "@playwright/test";
import type { PDU } from "smpp";
import { bindTestEsme } from "../../lib/gate/test-esme";
import { startTestSmsc } from "../../lib/gate/test-smsc";
import { maskPhone } from "../../lib/phone/mask-phone";
import { signRequest } from "@/lib/web/signatures/sign-request";
import { e2eDb } from "../support/db";
import { buildSnapshotFilesNow, registerProvider, uniquePhone } from "../support/fixtures";
import { TEST_DECLARATION } from "@/lib/testing/declaration";
import { TSX_ENV, tsxImportArgs } from "@/scripts/lib/typescript-script";

test.setTimeout(120_000);

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

// Issue 26's walk: a provider points its SMPP campaign tool at the gate (npm run gate, as a user runs it)
// instead of its operator. A campaign of 1 000 messages where 100 numbers are opposed: exactly 900 reach the
// SMSC, each carrying a link that opens, on the platform, the landing page of its own number.
test("a campaign through the gate: opposed numbers never reach the SMSC, every other message carries its own link", async ({
  baseURL,
  request,
}) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "stopsms-gate-"));
  const keyFile = path.join(dir, "key.pem");
  const slug = `gate-${randomBytes(3).toString("hex")}`;
  const sender = `souk-${randomBytes(3).toString("hex")}`;
  const { keyid } = registerProvider(slug, sender, keyFile);
  const smsId = `SK${randomBytes(3).toString("hex").toUpperCase()}`;
  await e2eDb().query("UPDATE senders SET sms_sender_ids = $1 WHERE code = $2", [[smsId], sender]);

  // 100 recipients replied STOP earlier (relayed by the provider through the API).
  // 1 000 distinct numbers nobody refused yet: random draws can repeat, or hit a refusal of another test
  // sharing this database (the count of 0x401 below must be exactly this campaign's 100).
  const recipients = await freshRecipients(1000);
  const opposed = new Set(recipients.slice(0, 100));
  const privateKey = createPrivateKey(await readFile(keyFile, "utf8"));
  for (const phone of opposed) {
    const url = `${baseURL}/api/v1/keywords`;
    const body = JSON.stringify({ from: phone, text: "STOP", sender });
    const headers = await signRequest({ method: "POST", url, body, keyid, privateKey });
    expect((await request.post(url, { headers, data: body })).status()).toBe(200);
  }
  buildSnapshotFilesNow();

  const received: PDU[] = [];
  const smsc = await startTestSmsc({ systemId: "operator", password: "op-pass" }, (pdu) => received.push(pdu));
  const accounts = path.join(dir, "accounts.json");
  await writeFile(
    accounts,
    JSON.stringify([
      {
        system_id: "campaigns",
        password_hash: await hash("tool-pass"),
        kind: "commercial",
        campaign: "winter-sale",
        declaration: TEST_DECLARATION,
      },
    ]),
  );
  const port = await freePort();
  const gate = spawn(process.execPath, tsxImportArgs("scripts/gate.ts"), {
    env: {
      ...process.env,
      NODE_OPTIONS: "",
      ...TSX_ENV,
      STOPSMS_GATE_LISTEN: `127.0.0.1:${port}`,
      STOPSMS_GATE_UPSTREAM: `smpp://operator:op-pass@127.0.0.1:${smsc.port}`,
      STOPSMS_GATE_PLATFORM: baseURL!,
      STOPSMS_GATE_KEYID: keyid,
      STOPSMS_GATE_KEY_FILE: keyFile,
      STOPSMS_GATE_ACCOUNTS: accounts,
      STOPSMS_GATE_STATE_DIR: path.join(dir, "state"),
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  try {
    // The gate listens once it has started: try until it answers.
    const esme = await (async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await bindTestEsme(`127.0.0.1:${port}`, "campaigns", "tool-pass");
        } catch (error) {
          if (attempt > 200) throw error;
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      }
    })();
    await expect.poll(() => smsc.binds, { timeout: 10_000 }).toBeGreaterThan(0);

    // 50 in flight at a time, as a campaign tool's window.
    const statuses: number[] = [];
    for (let from = 0; from < recipients.length; from += 50)
      statuses.push(
        ...(await Promise.all(
          recipients.slice(from, from + 50).map(
            async (phone) =>
              (
                await esme.submit({
                  source_addr: smsId,
                  destination_addr: phone.slice(1),
                  dest_addr_ton: 1,
                  short_message: "Soldes d'hiver: -30% sur tout le magasin ce week-end",
                })
              ).command_status,
          ),
        )),
      );
    expect(statuses.filter((s) => s === 0x401)).toHaveLength(100);
    expect(statuses.filter((s) => s === 0)).toHaveLength(900);
    expect(received).toHaveLength(900);
    const reached = new Set(received.map((pdu) => `+${pdu.destination_addr}`));
    expect(reached.size).toBe(900);
    for (const phone of opposed) expect(reached.has(phone)).toBe(false);

    // Each link opens the landing page of its own recipient (a sample of 20, each fetched from the platform).
    for (const pdu of received.slice(0, 20)) {
      const text = (pdu.short_message as { message: string }).message;
      const link = /STOP SMS: (\S+)$/.exec(text)![1]!;
      expect(new URL(link).host).toBe(new URL(baseURL!).host);
      const page = await request.get(link);
      expect(page.status()).toBe(200);
      expect(await page.text()).toContain(maskPhone(`+${pdu.destination_addr}`));
    }
    esme.close();
  } finally {
    // SIGTERM: the gate finishes what is in flight, unbinds and exits 0.
    const exited = new Promise<number | null>((resolve) => gate.once("exit", resolve));
    gate.kill("SIGTERM");
    expect(await exited).toBe(0);
    await smsc.close();
  }
});

async function freshRecipients(count: number): Promise<string[]> {
  const drawn = new Set<string>();
  while (drawn.size < count * 1.1) drawn.add(uniquePhone());
  const { rows } = await e2eDb().query<{ phone: string }>(
    "SELECT DISTINCT phone FROM oppositions WHERE phone = ANY($1) AND withdrawn_at IS NULL",
    [[...drawn]],
  );
  for (const { phone } of rows) drawn.delete(phone);
  expect(drawn.size).toBeGreaterThanOrEqual(count);
  return [...drawn].slice(0, count);
}
