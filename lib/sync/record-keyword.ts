import "server-only";
import { problems } from "@/lib/http/problem";
import { findOppositionsInForce } from "@/lib/oppositions/find-oppositions-in-force";
import { parsePhone } from "@/lib/phone/parse-phone";
import { recordOpposition } from "@/lib/oppositions/record-opposition";
import { withdrawOpposition } from "@/lib/oppositions/withdraw-opposition";
import { authorizedSender } from "./authorized-sender";
import { parseKeyword } from "./parse-keyword";

export type KeywordResult =
  | { recorded: true; op: "add" | "remove"; scope: "all" | "sender"; receipt: string }
  | { recorded: false; reason: "not-a-stop-word" | "global-needs-verified-web" | "nothing-to-withdraw" };

/**
 * A STOP or START reply received by a provider. Verified: the provider's network saw it come from that
 * number. A STOP's "all" forms, or a STOP with no sender, oppose every sender. A START withdraws only the
 * opposition to that one sender: lifting a refusal of all senders needs the person to prove the number is
 * theirs on /number, since a START is easily sent by mistake in reply to a single brand.
 */
export async function recordKeyword(providerId: number, input: { from: string; text: string; sender?: string }, defaultRegion: string): Promise<KeywordResult> {
  const phone = parsePhone(input.from, defaultRegion);
  if (!phone.ok) throw problems.invalidRequest([{ field: "from", message: `not a valid phone number (${phone.reason})` }]);
  const sender = input.sender ? await authorizedSender(providerId, input.sender) : null;
  const keyword = parseKeyword(input.text);
  if (!keyword) return { recorded: false, reason: "not-a-stop-word" };
  if (keyword.action === "start") {
    if (!sender) throw problems.invalidRequest([{ field: "sender", message: "a START reply needs the sender it was addressed to" }]);
    const withdrawn = await withdrawOpposition({ phone: phone.e164, target: { scope: "sender", senderId: sender.id }, source: "keyword" });
    if (withdrawn.withdrawn) return { recorded: true, op: "remove", scope: "sender", receipt: withdrawn.receipt!.id };
    const inForce = await findOppositionsInForce(phone.e164);
    return { recorded: false, reason: inForce.some((o) => o.scope === "all") ? "global-needs-verified-web" : "nothing-to-withdraw" };
  }
  const target = keyword.scope === "all" || !sender ? ({ scope: "all", senderId: null } as const) : ({ scope: "sender", senderId: sender.id } as const);
  const { receipt } = await recordOpposition({ phone: phone.e164, target, source: "keyword", verified: true });
  return { recorded: true, op: "add", scope: target.scope, receipt: receipt.id };
}
