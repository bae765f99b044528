import "server-only";
import { problems } from "@/lib/http/problem";
import { parsePhone } from "@/lib/phone/parse-phone";
import { recordOpposition } from "@/lib/oppositions/record-opposition";
import { authorizedSender } from "./authorized-sender";
import { parseStopKeyword } from "./parse-stop-keyword";

export type KeywordResult = { recorded: true; scope: "all" | "sender"; receipt: string } | { recorded: false; reason: "not-a-stop-word" };

/**
 * A STOP reply received by a provider. Verified: the provider's network saw it come from that number.
 * The "all" forms, or a reply with no sender, oppose every sender.
 */
export async function recordKeyword(providerId: number, input: { from: string; text: string; sender?: string }, defaultRegion: string): Promise<KeywordResult> {
  const phone = parsePhone(input.from, defaultRegion);
  if (!phone.ok) throw problems.invalidRequest([{ field: "from", message: `not a valid phone number (${phone.reason})` }]);
  const sender = input.sender ? await authorizedSender(providerId, input.sender) : null;
  const keyword = parseStopKeyword(input.text);
  if (!keyword) return { recorded: false, reason: "not-a-stop-word" };
  const target = keyword.scope === "all" || !sender ? ({ scope: "all", senderId: null } as const) : ({ scope: "sender", senderId: sender.id } as const);
  const { receipt } = await recordOpposition({ phone: phone.e164, target, source: "keyword", verified: true });
  return { recorded: true, scope: target.scope, receipt: receipt.id };
}
