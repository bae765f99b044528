import "server-only";
import { randomInt } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { PDU } from "smpp";
import { parseKeyword } from "@/lib/sync/parse-keyword";
import { phoneOfAddress } from "./smpp-address";
import { SmsTooLongError } from "@/lib/sms/split-sms";
import { mentionedParts } from "./append-mention";
import { boundedSet } from "./bounded-set";
import { ConcatAssembler, type PartAnswer } from "./concat-assembler";
import { concatPartOf } from "./concat-part";
import type { GateConfig } from "./config";
import { decideSubmit, textOf } from "./decide-submit";
import { listenForEsmes, type EsmeSession } from "./esme-listener";
import { gateMetrics } from "./gate-metrics";
import { LinkMinter } from "./link-minter";
import { ListKeeper } from "./list-keeper";
import { buildPdu, STATUS, UDH_INDICATOR, type RawPdu } from "./pdu-wire";
import type { GatePlatform } from "./platform";
import { Upstream } from "./upstream";

// The StopSMS gate (README "Run the gate"): an SMSC toward the provider's software, an ESME toward the
// operator, a client of the platform. Every commercial submit_sm is decided by decideSubmit; delivery
// receipts go back to the session that sent the message; a STOP reply is recorded on the platform and applied
// to the list at once, so the next submit to that number is refused before the feed even returns it.

const REMEMBER_MESSAGES = 1_000_000;
const LAST_SENDER_DAYS = 30;
const RECEIPT_CLASS = 0x04;
/** Long messages whose parts are waiting for their siblings, at most (each part waits `concatWaitMs`). */
const MAX_HELD_MESSAGES = 10_000;

export interface GateLog {
  (level: "info" | "warn", message: string, fields?: Record<string, unknown>): void;
}

export interface RunningGate {
  port: number;
  keeper: ListKeeper;
  metrics: ReturnType<typeof gateMetrics>;
  minter: LinkMinter;
  stop(): Promise<void>;
}

export async function startGate(
  config: GateConfig,
  platform: GatePlatform,
  log: GateLog,
  region = "MA",
): Promise<RunningGate> {
  const metrics = gateMetrics();
  const keeper = new ListKeeper(platform, config.stateDir, config.maxStalenessMs, (event, detail) => {
    if (event === "failed") log("warn", "platform unreachable: filtering with the last list", { detail });
  });
  await keeper.start(config.feedMs);
  const minter = new LinkMinter(platform, () => metrics.mintCalls.inc());
  const upstream = new Upstream(config.upstream);
  upstream.on("problem", (detail: string) => log("warn", "upstream SMSC", { detail }));
  upstream.on("bound", () => log("info", "bound to the upstream SMSC"));
  // A StopSMS link: the platform's host, or the public host its minted links carry, then a code.
  const linkHosts = new Set([new URL(config.platform).host]);
  const hasLink = (text: string) =>
    [...text.matchAll(/(?:https?:\/\/)?([A-Za-z0-9.-]+(?::\d+)?)\/[A-Za-z0-9]{4,}\b/g)].some((m) =>
      linkHosts.has(m[1]!),
    );
  const messageSessions = new Map<string, EsmeSession>();
  const lastSender = new Map<string, { sender: string; session: EsmeSession; at: number }>();

  const rememberFor = (session: EsmeSession) => (messageId: string) =>
    boundedSet(messageSessions, messageId, session, REMEMBER_MESSAGES);

  async function relayWithMention(
    session: EsmeSession,
    pdu: PDU,
    phone: string,
    sender: string,
    text: string,
  ): Promise<{ status: number; messageIds?: string[]; outcome: string }> {
    const account = session.account!;
    let link: string;
    try {
      link = await minter.link(sender, account.campaign!, phone, account.declaration);
      linkHosts.add(new URL(link).host);
    } catch (error) {
      // Never sent without its mention: the ESME retries once the platform mints again.
      log("warn", "cannot mint a link: message held", { detail: String(error) });
      return { status: STATUS.throttled, outcome: "mint-failed" };
    }
    let parts;
    try {
      parts = mentionedParts(text, link, account.max_parts, randomInt(256));
    } catch (error) {
      if (error instanceof SmsTooLongError) return { status: STATUS.invalidLength, outcome: "too-long" };
      throw error;
    }
    const fields = copyFields(pdu);
    const messageIds: string[] = [];
    for (const part of parts) {
      const answer = await upstream.submit(
        buildPdu("submit_sm", {
          ...fields,
          data_coding: part.dataCoding,
          esm_class: part.udh ? Number(fields.esm_class) | UDH_INDICATOR : fields.esm_class,
          short_message: part.udh ? { udh: part.udh, message: part.payload } : part.payload,
        }),
        rememberFor(session),
      );
      if (answer.status !== STATUS.ok) return { status: answer.status, outcome: "upstream-refused" };
      messageIds.push(answer.messageId ?? "");
    }
    return { status: STATUS.ok, messageIds, outcome: "appended" };
  }

  const assembler = new ConcatAssembler<{ raw: RawPdu; pdu: PDU }>({
    timeoutMs: config.concatWaitMs,
    maxHeld: MAX_HELD_MESSAGES,
    incomplete: { status: STATUS.submitFailed },
    failed: { status: STATUS.systemError },
    full: { status: STATUS.throttled },
    onExpired: () => metrics.submits.inc({ outcome: "parts-missing" }),
  });

  /** One message, in one part or in the parts its ESME split it into: decided once, each part answered. */
  async function submitMessage(session: EsmeSession, items: { raw: RawPdu; pdu: PDU }[]): Promise<PartAnswer[]> {
    const first = items[0]!.pdu;
    const joined = items.length > 1 ? items.map((item) => textOf(item.pdu)).join("") : undefined;
    const decision = decideSubmit(
      first,
      {
        account: session.account!,
        mode: config.mode,
        senderBySmsId: keeper.senderBySmsId,
        index: keeper.index,
        listFresh: keeper.fresh(),
        hasLink,
        region,
      },
      joined,
    );
    if (decision.action === "refuse") {
      metrics.submits.inc({ outcome: decision.reason });
      if (decision.reason === "list-stale") log("warn", "list older than STOPSMS_GATE_MAX_STALENESS: held");
      return items.map(() => ({ status: decision.status }));
    }
    let answers: PartAnswer[];
    let outcome: string;
    if (decision.action === "append") {
      const result = await relayWithMention(session, first, decision.phone, decision.sender, decision.text);
      // The ESME knows its own parts: each gets the id of the part sent in its place (the last for any extra).
      const ids = result.messageIds ?? [];
      answers = items.map((_, i) => ({ status: result.status, messageId: ids[i] ?? ids.at(-1) }));
      outcome = result.outcome;
    } else {
      answers = [];
      for (const item of items) answers.push(await relay(session, item.raw));
      outcome = decision.counted === "transactional" ? "transactional" : "forwarded";
    }
    metrics.submits.inc({ outcome });
    if (answers.every((a) => a.status === STATUS.ok) && decision.phone && decision.sender)
      boundedSet(lastSender, decision.phone, { sender: decision.sender, session, at: Date.now() }, REMEMBER_MESSAGES);
    return answers;
  }

  const { server, sessions } = listenForEsmes(config.accounts, {
    onProblem: (detail) => log("warn", "ESME connection", { detail }),
    async submit(session, raw, pdu) {
      const account = session.account!;
      const part = account.kind === "commercial" ? concatPartOf(pdu) : null;
      if (!part) return (await submitMessage(session, [{ raw, pdu }]))[0]!;
      if (part.total > account.max_parts) {
        metrics.submits.inc({ outcome: "too-long" });
        return { status: STATUS.invalidLength };
      }
      const key = [session.id, pdu.source_addr, pdu.destination_addr, part.reference].join("\0");
      return assembler.collect(key, part, { raw, pdu }, (items) => submitMessage(session, items));
    },
  });

  async function relay(session: EsmeSession, raw: RawPdu): Promise<PartAnswer> {
    const answer = await upstream.submit(raw.bytes, rememberFor(session));
    return { status: answer.status, messageId: answer.messageId ?? "" };
  }

  upstream.on("deliver", (raw: RawPdu, pdu: PDU) => {
    if ((Number(pdu.esm_class ?? 0) & 0x3c) === RECEIPT_CLASS) {
      const id = String(pdu.receipted_message_id ?? /id:(\S+)/.exec(textOf(pdu))?.[1] ?? "");
      const session = messageSessions.get(id);
      if (session && sessions.has(session) && session.canReceive) session.deliver(raw.bytes);
      else log("warn", "delivery receipt for no bound session", { message_id: id });
      return;
    }
    const phone = phoneOfAddress(pdu.source_addr, pdu.source_addr_ton, region);
    const last = phone ? lastSender.get(phone) : undefined;
    const recent = last && Date.now() - last.at < LAST_SENDER_DAYS * 86_400_000 ? last : undefined;
    const text = textOf(pdu);
    const keyword = parseKeyword(text);
    if (phone && keyword?.action === "stop") {
      metrics.stopReplies.inc();
      const sender = keyword.scope === "sender" ? recent?.sender : undefined;
      keeper.index.apply({ op: "add", phone, scope: sender ? "sender" : "all", sender: sender ?? null });
      void reportStop(phone, text, sender, new Date());
    }
    // The MO still reaches the provider's software (its own records): the session that last messaged it.
    const target =
      recent && sessions.has(recent.session) && recent.session.canReceive
        ? recent.session
        : [...sessions].find((s) => s.canReceive && s.account?.kind === "commercial");
    target?.deliver(raw.bytes);
  });

  async function reportStop(phone: string, text: string, sender: string | undefined, at: Date) {
    for (let attempt = 1; attempt <= 5; attempt++) {
      try {
        return await platform.reportStop(phone, text, sender, at);
      } catch (error) {
        log("warn", "cannot record a STOP reply yet", { attempt, detail: String(error) });
        await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
      }
    }
  }

  const refresh = () => {
    metrics.listAge.set(keeper.syncedAt ? (Date.now() - keeper.syncedAt) / 1000 : -1);
    metrics.indexBytes.set(keeper.index.bytes);
    metrics.listEntries.set(keeper.index.entries);
    metrics.upstreamBound.set(upstream.isBound ? 1 : 0);
  };
  refresh();
  const refreshGauges = setInterval(refresh, 1000);
  refreshGauges.unref();

  upstream.start();
  await new Promise<void>((resolve) => server.listen(config.listen.port, config.listen.host, resolve));
  return {
    port: (server.address() as AddressInfo).port,
    keeper,
    metrics,
    minter,
    async stop() {
      clearInterval(refreshGauges);
      assembler.drain();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const session of sessions) session.close();
      });
      await upstream.stop();
      await keeper.stop();
    },
  };
}

const HEADER_FIELDS = new Set(["command", "command_length", "command_id", "command_status", "sequence_number"]);

const BODY_FIELDS = new Set(["short_message", "message_payload", "sm_length"]);
// The ESME's own concatenation is replaced by the gate's own split.
const CONCAT_FIELDS = new Set(["sar_msg_ref_num", "sar_total_segments", "sar_segment_seqnum"]);

/** The message's own fields (addresses, flags, TLVs) for the parts the gate rebuilds. */
function copyFields(pdu: PDU): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(pdu))
    if (!HEADER_FIELDS.has(key) && !BODY_FIELDS.has(key) && !CONCAT_FIELDS.has(key)) fields[key] = value;
  fields.esm_class = Number(fields.esm_class ?? 0) & ~UDH_INDICATOR;
  return fields;
}
