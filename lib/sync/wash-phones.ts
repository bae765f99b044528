import "server-only";
import { db } from "@/lib/db/client";
import { parsePhone, type PhoneProblem } from "@/lib/phone/parse-phone";
import { authorizedSender } from "./authorized-sender";

export interface WashResult {
  checked: number;
  suppressed: { phone: string; scope: "all" | "sender" }[];
  invalid: { input: string; reason: PhoneProblem }[];
}

/**
 * Washes a campaign list against what is in force for one sender, in one set-based query (a join with
 * the unnested list, not a query per number). Only numbers the provider sent come back.
 */
export async function washPhones(providerId: number, senderCode: string, inputs: string[], defaultRegion: string): Promise<WashResult> {
  const sender = await authorizedSender(providerId, senderCode);
  const invalid: WashResult["invalid"] = [];
  const phones = new Set<string>();
  for (const input of inputs) {
    const parsed = parsePhone(input, defaultRegion);
    if (parsed.ok) phones.add(parsed.e164);
    else invalid.push({ input, reason: parsed.reason });
  }
  const suppressed =
    phones.size === 0
      ? []
      : await db().$queryRaw<{ phone: string; scope: "all" | "sender" }[]>`
          SELECT DISTINCT ON (o.phone) o.phone, o.scope::text AS scope
          FROM unnest(${[...phones]}::text[]) AS wanted(phone)
          JOIN oppositions o ON o.phone = wanted.phone
          WHERE o.withdrawn_at IS NULL AND (o.sender_id IS NULL OR o.sender_id = ${sender.id})
          ORDER BY o.phone, o.scope`;
  return { checked: inputs.length, suppressed, invalid };
}
