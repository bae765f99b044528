import "server-only";
import { createHash } from "node:crypto";
import net from "node:net";
import { hash, verify } from "@node-rs/argon2";
import type { PDU } from "smpp";
import { coalescedWriter } from "./coalesced-write";
import type { GateAccount } from "./config";
import { checkRateLimit } from "@/lib/rate-limit/check-rate-limit";
import { MemoryCounterStore } from "@/lib/rate-limit/stores";
import {
  buildPdu,
  COMMAND,
  genericNack,
  parsePdu,
  readPdus,
  responseTo,
  STATUS,
  withSequence,
  type RawPdu,
} from "./pdu-wire";

// The gate as an SMSC toward the provider's campaign software: ESMEs bind with an account of the accounts
// file (argon2id hashes), then submit. Hostile input costs little: a PDU that does not parse gets a
// generic_nack, a length that cannot be framed or a third failed bind closes the connection, anything but a
// bind before binding is refused, and each account has its own rate (ESME_RTHROTTLED past it).

const MAX_FAILED_BINDS = 3;

export interface EsmeSession {
  id: number;
  account: GateAccount | null;
  canReceive: boolean;
  /** Sends a PDU from the SMSC side (deliver_sm) under this session's own sequence numbers. */
  deliver(bytes: Buffer): void;
  close(): void;
}

export interface EsmeHandlers {
  submit(session: EsmeSession, raw: RawPdu, pdu: PDU): Promise<{ status: number; messageId?: string }>;
  onProblem(detail: string): void;
}

const BIND_COMMANDS: Record<number, { name: string; receives: boolean }> = {
  [COMMAND.bind_transmitter]: { name: "bind_transmitter", receives: false },
  [COMMAND.bind_receiver]: { name: "bind_receiver", receives: true },
  [COMMAND.bind_transceiver]: { name: "bind_transceiver", receives: true },
};

export function listenForEsmes(accounts: GateAccount[], handlers: EsmeHandlers) {
  const byId = new Map(accounts.map((account) => [account.system_id, account]));
  // The platform's own rate limits (lib/rate-limit), counted in this process: a gate is one process per
  // provider, and SMSCs count throughput per second, as operators' contracts state it.
  const throughput = new MemoryCounterStore();
  // A successful check is remembered (by digest) so that rebinding does not pay argon2 again.
  const verified = new Set<string>();
  const sessions = new Set<EsmeSession>();
  let nextId = 0;

  async function passwordMatches(account: GateAccount, password: string): Promise<boolean> {
    const digest = createHash("sha256")
      .update(`${account.system_id}\0${password}\0${account.password_hash}`)
      .digest("hex");
    if (verified.has(digest)) return true;
    const ok = await verify(account.password_hash, password).catch(() => false);
    if (ok) verified.add(digest);
    return ok;
  }

  const server = net.createServer((socket) => {
    socket.setNoDelay(true);
    let failedBinds = 0;
    let sequence = 0;
    const session: EsmeSession = {
      id: ++nextId,
      account: null,
      canReceive: false,
      deliver(bytes) {
        sequence = sequence >= 0x7fffffff ? 1 : sequence + 1;
        answer(withSequence(bytes, sequence));
      },
      close() {
        if (socket.writable && session.account) socket.write(buildPdu("unbind", { sequence_number: ++sequence }));
        socket.end();
        setTimeout(() => socket.destroy(), 1000).unref();
      },
    };
    sessions.add(session);
    socket.on("close", () => sessions.delete(session));
    socket.on("error", () => undefined);
    const answer = coalescedWriter(socket);

    readPdus(
      socket,
      (raw) => void onPdu(raw),
      (length) => {
        handlers.onProblem(`ESME connection ${session.id}: PDU length ${length} cannot be framed; closing it`);
        socket.destroy();
      },
    );

    async function onPdu(raw: RawPdu): Promise<void> {
      const bind = BIND_COMMANDS[raw.commandId];
      if (bind) return onBind(raw, bind);
      if (raw.commandId === COMMAND.enquire_link) return void answer(responseTo(raw, "enquire_link", STATUS.ok));
      if (raw.commandId === COMMAND.unbind) {
        answer(responseTo(raw, "unbind", STATUS.ok));
        socket.end();
        return;
      }
      if (raw.commandId & 0x80000000) return; // responses (deliver_sm_resp, unbind_resp, ...): nothing to do
      if (raw.commandId !== COMMAND.submit_sm) return void answer(genericNack(raw.sequence, 0x00000003));
      if (!session.account) return void answer(responseTo(raw, "submit_sm", STATUS.invalidBindStatus));
      const pdu = parsePdu(raw);
      if (!pdu) return void answer(genericNack(raw.sequence, STATUS.invalidCommandLength));
      const rule = { limit: session.account.per_second, windowMs: 1000 };
      if (!(await checkRateLimit(rule, "gate-esme", session.account.system_id, throughput)).allowed)
        return void answer(responseTo(raw, "submit_sm", STATUS.throttled));
      const result = await handlers.submit(session, raw, pdu);
      answer(
        responseTo(
          raw,
          "submit_sm",
          result.status,
          result.status === STATUS.ok ? { message_id: result.messageId } : {},
        ),
      );
    }

    async function onBind(raw: RawPdu, bind: { name: string; receives: boolean }): Promise<void> {
      if (session.account) return void answer(responseTo(raw, bind.name, STATUS.alreadyBound));
      const pdu = parsePdu(raw);
      const account = pdu ? byId.get(String(pdu.system_id ?? "")) : undefined;
      const password = String(pdu?.password ?? "");
      const ok = account ? await passwordMatches(account, password) : await burnTime();
      if (!ok || !account) {
        answer(responseTo(raw, bind.name, STATUS.bindFailed));
        if (++failedBinds >= MAX_FAILED_BINDS) {
          handlers.onProblem(`ESME connection ${session.id}: ${failedBinds} failed binds; closing it`);
          answer.flush(); // the last refusal is said before the connection goes
          socket.destroy();
        }
        return;
      }
      session.account = account;
      session.canReceive = bind.receives;
      answer(responseTo(raw, bind.name, STATUS.ok, { system_id: "stopsms-gate" }));
    }
  });

  return { server, sessions };
}

/** An unknown system_id takes about as long as a wrong password (no account enumeration by timing). */
let dummyHash: Promise<string> | null = null;
async function burnTime(): Promise<false> {
  dummyHash ??= hash("stopsms-gate-no-such-account");
  await verify(await dummyHash, "x").catch(() => false);
  return false;
}
