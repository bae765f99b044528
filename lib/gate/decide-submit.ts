import type { PDU } from "smpp";
import type { GateAccount } from "./config";
import { STATUS, UDH_INDICATOR } from "./pdu-wire";
import { phoneOfAddress } from "./smpp-address";
import type { SuppressionIndex } from "./suppression-index";

// What the gate does with one submit_sm, decided from the message alone (no I/O): relay it as it came,
// refuse it with an SMPP status the ESME understands, or relay it once the recipient's StopSMS link is added.

export type SubmitDecision =
  | { action: "forward"; phone: string | null; sender: string | null; counted: "commercial" | "transactional" }
  | { action: "refuse"; status: number; reason: RefusalReason }
  | { action: "append"; phone: string; sender: string; text: string };

export type RefusalReason =
  | "unknown-source"
  | "bad-destination"
  | "list-stale"
  | "opposed-all"
  | "opposed-sender"
  | "opposed-source"
  | "no-mention"
  | "udh-input";

export interface SubmitContext {
  account: GateAccount;
  mode: "append" | "require";
  /** The provider's senders by registered SMS id (`source_addr`). */
  senderBySmsId: Map<string, string>;
  index: SuppressionIndex;
  listFresh: boolean;
  /** A link of this platform: its host, then a code. */
  hasLink: (text: string) => boolean;
  region: string;
}

/** The message's text as the package decoded it (short_message, or the message_payload TLV). */
export function textOf(pdu: PDU): string {
  const body = (pdu.message_payload ?? pdu.short_message) as { message?: unknown } | Buffer | string | undefined;
  const message = body && typeof body === "object" && "message" in body ? body.message : body;
  if (typeof message === "string") return message;
  return Buffer.isBuffer(message) ? message.toString("latin1") : "";
}

export function recipientOf(pdu: PDU, region: string): string | null {
  return phoneOfAddress(pdu.destination_addr, pdu.dest_addr_ton, region);
}

/**
 * `joined`: the whole text of a message the ESME split itself (concat-part.ts), decided on its first part's
 * fields; the gate never decides on a part alone (the link may sit in the last one).
 */
export function decideSubmit(pdu: PDU, context: SubmitContext, joined?: string): SubmitDecision {
  // Nothing is known yet (a first start with the platform unreachable): everything waits, the ESME retries.
  if (context.senderBySmsId.size === 0) return { action: "refuse", status: STATUS.throttled, reason: "list-stale" };
  const sender = context.senderBySmsId.get(String(pdu.source_addr ?? "")) ?? null;
  // An undeclared sender id never leaves, whatever the account (README "Run the gate" says why).
  if (!sender) return { action: "refuse", status: STATUS.invalidSource, reason: "unknown-source" };
  const phone = recipientOf(pdu, context.region);
  if (context.account.kind === "transactional") return { action: "forward", phone, sender, counted: "transactional" };
  if (!phone) return { action: "refuse", status: STATUS.invalidDestination, reason: "bad-destination" };
  // Fail closed: past the staleness bound the ESME is told to retry, never sent to a number the list may hold.
  if (!context.listFresh) return { action: "refuse", status: STATUS.throttled, reason: "list-stale" };
  const opposed = context.index.opposes(phone, sender, context.account.declaration?.source);
  if (opposed) return { action: "refuse", status: STATUS.recipientOpposed, reason: `opposed-${opposed}` };
  const text = joined ?? textOf(pdu);
  if (context.hasLink(text)) return { action: "forward", phone, sender, counted: "commercial" };
  if (context.mode === "require") return { action: "refuse", status: STATUS.noMention, reason: "no-mention" };
  // A UDH the gate cannot rebuild (ports, formatting — anything but concatenation, already joined) would be
  // lost or wrong once the mention is added.
  if (joined === undefined && Number(pdu.esm_class ?? 0) & UDH_INDICATOR)
    return { action: "refuse", status: STATUS.invalidEsmClass, reason: "udh-input" };
  return { action: "append", phone, sender, text };
}
