import { mkdtemp } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordOpposition } from "@/lib/oppositions/record-opposition";
import { uniquePhone } from "@/lib/testing/fixtures";
import { bindEsme, openGateBench, until, type GateBench } from "@/lib/testing/gate-bench";
import { buildPdu } from "./pdu-wire";

const national = (phone: string) => phone.replace(/^\+/, "");
const submitFields = (to: string, text: string) => ({
  source_addr: "SOUK",
  destination_addr: national(to),
  dest_addr_ton: 1,
  short_message: text,
});

/** Raw bytes to the gate; resolves with what it answered before closing (or 500 ms). */
function rawExchange(port: number, bytes: Buffer[]): Promise<{ answers: Buffer; closed: boolean }> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    const chunks: Buffer[] = [];
    let closed = false;
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", () => undefined);
    socket.on("close", () => (closed = true));
    socket.on("connect", () => {
      for (const b of bytes) socket.write(b);
    });
    setTimeout(() => {
      socket.destroy();
      resolve({ answers: Buffer.concat(chunks), closed });
    }, 500);
  });
}

const commandsIn = (answers: Buffer) => {
  const out: { id: number; status: number }[] = [];
  for (let at = 0; at + 16 <= answers.length; at += answers.readUInt32BE(at))
    out.push({ id: answers.readUInt32BE(at + 4), status: answers.readUInt32BE(at + 8) });
  return out;
};

describe("the gate's modes, restarts and hostile input", () => {
  let bench: GateBench;
  beforeAll(async () => {
    bench = await openGateBench();
  });
  afterAll(() => bench?.close());

  it("in require mode refuses a commercial message without a StopSMS link and relays one that has it", async () => {
    const gate = await bench.start({ mode: "require", stateDir: await mkdtemp(path.join(os.tmpdir(), "gate-req-")) });
    const esme = await bindEsme(gate.port, "esme1");
    try {
      await until(() => bench.smsc.binds > 0);
      expect((await esme.submit(submitFields(uniquePhone(), "Soldes chez Souk"))).command_status).toBe(0x402);
      const text = `Soldes chez Souk. STOP SMS: ${bench.platform.url.replace(/^http:\/\//, "")}/Ab3dE6fG`;
      expect((await esme.submit(submitFields(uniquePhone(), text))).command_status).toBe(0);
    } finally {
      esme.close();
      await gate.stop();
    }
  });

  it("in require mode finds the link in the last part of a message its ESME split, and answers a part whose sibling never comes", async () => {
    const gate = await bench.start({
      mode: "require",
      concatWaitMs: 200,
      stateDir: await mkdtemp(path.join(os.tmpdir(), "gate-req-udh-")),
    });
    const esme = await bindEsme(gate.port, "esme1");
    const udh = (reference: number, seq: number) => Buffer.from([5, 0x00, 3, reference, 2, seq]);
    const part = (to: string, reference: number, seq: number, message: string) =>
      esme.submit({ ...submitFields(to, ""), esm_class: 0x40, short_message: { udh: udh(reference, seq), message } });
    try {
      await until(() => bench.smsc.binds > 0);
      const to = uniquePhone();
      const link = `STOP SMS: ${bench.platform.url.replace(/^http:\/\//, "")}/Ab3dE6fG`;
      const before = bench.smsc.submits.length;
      // Part 2 first: the order on the wire is the ESME's, the decision waits for the whole.
      const answers = await Promise.all([part(to, 9, 2, link), part(to, 9, 1, "Soldes chez Souk ".padEnd(153, "z"))]);
      expect(answers.map((a) => a.command_status)).toEqual([0, 0]);
      // Relayed as the ESME split them: its own parts, untouched.
      const relayed = bench.smsc.submits.slice(before);
      expect(relayed.map((p) => (p.short_message as { message: string }).message).sort()).toEqual(
        ["Soldes chez Souk ".padEnd(153, "z"), link].sort(),
      );

      const started = Date.now();
      expect((await part(uniquePhone(), 10, 1, "Un debut sans fin")).command_status).toBe(0x45);
      expect(Date.now() - started).toBeGreaterThanOrEqual(150);
      expect(bench.smsc.submits.length).toBe(before + 2);
    } finally {
      esme.close();
      await gate.stop();
    }
  });

  it("holds an account to its throughput per second (ESME_RTHROTTLED past it), and lets it send again the next second", async () => {
    const accounts = bench.accounts.map((a) => (a.system_id === "esme1" ? { ...a, per_second: 3 } : a));
    const gate = await bench.start({ accounts, stateDir: await mkdtemp(path.join(os.tmpdir(), "gate-rate-")) });
    const esme = await bindEsme(gate.port, "esme1");
    try {
      await until(() => bench.smsc.binds > 0 && gate.keeper.fresh());
      const burst = await Promise.all(
        Array.from({ length: 6 }, () => esme.submit(submitFields(uniquePhone(), "Promo"))),
      );
      expect(burst.filter((a) => a.command_status === 0)).toHaveLength(3);
      expect(burst.filter((a) => a.command_status === 0x58)).toHaveLength(3);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await esme.submit(submitFields(uniquePhone(), "Promo"))).command_status).toBe(0);
    } finally {
      esme.close();
      await gate.stop();
    }
  });

  it("starts again from its state directory with the platform down, and catches up from its cursor", async () => {
    const stateDir = await mkdtemp(path.join(os.tmpdir(), "gate-restart-"));
    const first = await bench.start({ stateDir });
    const opposed = uniquePhone();
    await recordOpposition({ phone: opposed, target: { scope: "all", senderId: null }, source: "web", verified: true });
    await until(() => first.keeper.index.opposes(opposed, "x") === "all");
    await first.stop();

    bench.platform.down = true;
    const second = await bench.start({ stateDir });
    const esme = await bindEsme(second.port, "esme1");
    try {
      await until(() => bench.smsc.binds > 0);
      expect((await esme.submit(submitFields(opposed, "Promo"))).command_status).toBe(0x401);
      bench.platform.down = false;
      const later = uniquePhone();
      await recordOpposition({ phone: later, target: { scope: "all", senderId: null }, source: "web", verified: true });
      await until(() => second.keeper.index.opposes(later, "x") === "all");
      expect((await esme.submit(submitFields(later, "Promo"))).command_status).toBe(0x401);
    } finally {
      bench.platform.down = false;
      esme.close();
      await second.stop();
    }
  });

  it("starts with the platform unreachable and no list: holds everything until the first load, then sends", async () => {
    bench.platform.down = true;
    const gate = await bench.start({ stateDir: await mkdtemp(path.join(os.tmpdir(), "gate-first-")) });
    const esme = await bindEsme(gate.port, "esme1");
    try {
      expect((await esme.submit(submitFields(uniquePhone(), "Promo"))).command_status).toBe(0x58);
      bench.platform.down = false;
      await until(() => gate.keeper.fresh());
      expect((await esme.submit(submitFields(uniquePhone(), "Promo"))).command_status).toBe(0);
    } finally {
      bench.platform.down = false;
      esme.close();
      await gate.stop();
    }
  });

  it("answers malformed PDUs with generic_nack, closes on an unframeable length or a bind flood, refuses wrong credentials", async () => {
    const gate = await bench.start({ stateDir: await mkdtemp(path.join(os.tmpdir(), "gate-hostile-")) });
    try {
      const unknownCommand = buildPdu("enquire_link", { sequence_number: 7 });
      unknownCommand.writeUInt32BE(0x00000099, 4);
      const truncatedBind = Buffer.from(
        buildPdu("bind_transceiver", { sequence_number: 8, system_id: "esme1" }).subarray(0, 17),
      );
      truncatedBind.writeUInt32BE(17, 0);
      const { answers, closed } = await rawExchange(gate.port, [unknownCommand, truncatedBind]);
      expect(closed).toBe(false);
      const answered = commandsIn(answers);
      expect(answered[0]).toEqual({ id: 0x80000000, status: 0x00000003 });
      expect(answered[1]!.status).not.toBe(0);

      const huge = Buffer.alloc(16);
      huge.writeUInt32BE(100_000, 0);
      huge.writeUInt32BE(0x00000004, 4);
      expect((await rawExchange(gate.port, [huge])).closed).toBe(true);

      const wrong = (n: number) =>
        buildPdu("bind_transceiver", { sequence_number: n, system_id: "esme1", password: "nope" });
      const flood = await rawExchange(gate.port, [wrong(1), wrong(2), wrong(3), wrong(4)]);
      expect(commandsIn(flood.answers).map((a) => a.status)).toEqual([0x0d, 0x0d, 0x0d]);
      expect(flood.closed).toBe(true);

      const beforeBind = await rawExchange(gate.port, [
        buildPdu("submit_sm", { sequence_number: 9, ...submitFields(uniquePhone(), "x") }),
      ]);
      expect(commandsIn(beforeBind.answers)).toEqual([{ id: 0x80000004, status: 0x04 }]);
    } finally {
      await gate.stop();
    }
  });
});
