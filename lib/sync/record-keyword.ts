import "server-only";
import { problems } from "@/lib/problems";
import { findOppositionsInForce } from "@/lib/oppositions/find-oppositions-in-force";
import { parsePhone } from "@/lib/phone/parse-phone";
import { recordOpposition } from "@/lib/oppositions/record-opposition";
import { withdrawOpposition } from "@/lib/oppositions/withdraw-opposition";
import { findCanaries, raiseCanaryAlerts } from "@/lib/canaries/watch-canaries";
import { generateReceiptId } from "@/lib/oppositions/receipt-id";
import { authorizedSender } from "./authorized-sender";
import { parseKeyword } from "./parse-keyword";

export type KeywordResult =
  | { recorded: true; op: "add" | "remove"; scope: "all" | "sender"; receipt: string }
  | { recorded: false; reason: "not-a-stop-word" | "recorded-elsewhere" | "global" | "nothing-to-withdraw" };

/**
 * A STOP or START reply received by a provider. Verified: the provider's network saw it come from that
 * number. A STOP's "all" forms, or a STOP with no sender, oppose every sender; either is recorded as the
 * caller's own traffic. A START withdraws only the opposition to that one sender, and only when the caller's
 * own traffic recorded it (its STOP relay, or a link it minted): never a refusal made on the web, in "my
 * number", through another provider's link or relay (`recorded-elsewhere`), nor a refusal of all senders
 * (`global`: lifting it needs the person to prove the number on /number) — docs/protocol.md 1.2.
 */
export async function recordKeyword(
  caller: { providerId: number; keyid: string },
  input: { from: string; text: string; sender?: string },
  defaultRegion: string,
): Promise<KeywordResult> {
  const { providerId } = caller;
  const phone = parsePhone(input.from, defaultRegion);
  if (!phone.ok)
    throw problems.invalidRequest([{ field: "from", message: `not a valid phone number (${phone.reason})` }]);
  const sender = input.sender ? await authorizedSender(providerId, input.sender) : null;
  const keyword = parseKeyword(input.text);
  if (!keyword) return { recorded: false, reason: "not-a-stop-word" };
  // A canary number never replies: a "reply" from one is made up from a leaked list. Answered as a first
  // STOP (or a START with nothing to withdraw) would be, recorded nowhere but in the alert.
  const canaries = await findCanaries([phone.e164]);
  if (canaries.size > 0) {
    await raiseCanaryAlerts(
      { caller, endpoint: "POST /keywords", details: { sender: input.sender ?? null, keyword: keyword.action } },
      canaries,
    );
    if (keyword.action === "start")
      return sender
        ? { recorded: false, reason: "nothing-to-withdraw" }
        : Promise.reject(
            problems.invalidRequest([
              { field: "sender", message: "a START reply needs the sender it was addressed to" },
            ]),
          );
    return {
      recorded: true,
      op: "add",
      scope: keyword.scope === "all" || !sender ? "all" : "sender",
      receipt: generateReceiptId(),
    };
  }
  if (keyword.action === "start") {
    if (!sender)
      throw problems.invalidRequest([
        { field: "sender", message: "a START reply needs the sender it was addressed to" },
      ]);
    const withdrawn = await withdrawOpposition({
      phone: phone.e164,
      target: { scope: "sender", senderId: sender.id },
      source: "keyword",
      onlyVia: providerId,
    });
    if (withdrawn.withdrawn) return { recorded: true, op: "remove", scope: "sender", receipt: withdrawn.receipt!.id };
    if (withdrawn.recordedElsewhere) return { recorded: false, reason: "recorded-elsewhere" };
    const inForce = await findOppositionsInForce(phone.e164);
    return { recorded: false, reason: inForce.some((o) => o.scope === "all") ? "global" : "nothing-to-withdraw" };
  }
  const target =
    keyword.scope === "all" || !sender
      ? ({ scope: "all", senderId: null } as const)
      : ({ scope: "sender", senderId: sender.id } as const);
  const { receipt } = await recordOpposition({
    phone: phone.e164,
    target,
    source: "keyword",
    verified: true,
    viaProviderId: providerId,
  });
  return { recorded: true, op: "add", scope: target.scope, receipt: receipt.id };
}
