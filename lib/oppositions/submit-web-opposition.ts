import "server-only";
import { z } from "zod";
import { env } from "@/lib/env";
import { parsePhone } from "@/lib/phone/parse-phone";
import { matchSender } from "@/lib/providers/match-sender";
import { checkRateLimit, RATE_LIMITS } from "@/lib/rate-limit/check-rate-limit";
import { countUnverifiedRefusal, uncountUnverifiedRefusal } from "./count-unverified-refusal";
import { issueRepeatReceipt } from "./issue-repeat-receipt";
import { writeOpposition } from "./record-opposition";
import type { OppositionTarget } from "./types";

// Never throws: whatever a client posts (files, missing or huge fields) becomes values to re-show and
// field errors; the phone parser itself refuses over-long input as "too-long".
const formSchema = z.object({
  phone: z
    .string()
    .catch("")
    .transform((s) => s.slice(0, 200)),
  scope: z.enum(["all", "sender"]).catch("all"),
  sender: z
    .string()
    .catch("")
    .transform((s) => s.slice(0, 200)),
});

export type WebFormValues = z.infer<typeof formSchema>;

export type SubmitWebOppositionResult =
  | { status: "invalid"; values: WebFormValues; errors: { phone?: string; sender?: string }; suggestion?: string }
  | { status: "rate-limited"; retryAfterSeconds: number }
  | { status: "busy"; phone: string; retryAfterSeconds: number }
  | { status: "recorded"; receiptId: string };

/**
 * The /stop form: a number typed by anyone, so recorded with source `web` and verified=false. Errors are
 * message keys for the page; a number asked for too often is rate-limited whatever the client's address.
 * The answer is the same whether the number had already refused or not (a new receipt either way), so
 * the form tells nobody anything about a number they do not hold.
 */
export async function submitWebOpposition(
  input: Record<string, unknown>,
  defaultRegion: string,
  network = "unknown",
): Promise<SubmitWebOppositionResult> {
  const values = formSchema.parse(input);
  const errors: { phone?: string; sender?: string } = {};
  const phone = parsePhone(values.phone, defaultRegion);
  if (!phone.ok) errors.phone = `phone.${phone.reason}`;
  let target: OppositionTarget = { scope: "all", senderId: null };
  let suggestion: string | undefined;
  if (values.scope === "sender") {
    // Name, code or SMS sender id, whatever the case and spaces; a partial one is only offered back
    // ("Did you mean Atlas Bank?", the field then holds it): a refusal never goes to a guessed sender.
    const match = values.sender.trim() ? await matchSender(values.sender) : ({ kind: "none" } as const);
    if (!values.sender.trim()) errors.sender = "sender.required";
    else if (match.kind === "exact") target = { scope: "sender", senderId: match.sender.id };
    else if (match.kind === "suggestion") {
      errors.sender = "sender.did-you-mean";
      suggestion = match.sender.name;
    } else errors.sender = "sender.unknown";
  }
  if (!phone.ok || errors.sender)
    return { status: "invalid", values: suggestion ? { ...values, sender: suggestion } : values, errors, suggestion };
  const limit = await checkRateLimit(RATE_LIMITS.stopPerNumber, "stop-number", phone.e164);
  if (!limit.allowed) return { status: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };
  // Only what is recorded counts: a refused post (over a cap) or a repeat is taken back.
  const hour = await countUnverifiedRefusal(network);
  if (
    hour.count > env().STOPSMS_UNVERIFIED_PER_HOUR ||
    hour.networkCount > env().STOPSMS_UNVERIFIED_PER_NETWORK_PER_HOUR
  ) {
    await uncountUnverifiedRefusal(network);
    return { status: "busy", phone: phone.e164, retryAfterSeconds: hour.retryAfterSeconds };
  }
  const result = await writeOpposition({ phone: phone.e164, target, source: "web", verified: false });
  if (result.created) return { status: "recorded", receiptId: result.receiptId };
  await uncountUnverifiedRefusal(network);
  return { status: "recorded", receiptId: await issueRepeatReceipt(result.receiptId, "web") };
}
