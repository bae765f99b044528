import "server-only";
import { chargeNumbersQuota } from "./charge-numbers-quota";
import { pool } from "@/lib/db/client";
import { splitForParallel } from "@/lib/db/split-for-parallel";
import type { PhoneProblem } from "@/lib/phone/parse-phone";
import { parsePhoneList } from "@/lib/phone/parse-phone-list";
import { authorizedSender } from "./authorized-sender";

export interface WashResult {
  checked: number;
  suppressed: { phone: string; scope: "all" | "sender" }[];
  invalid: { input: string; reason: PhoneProblem }[];
}

// One index-only probe per number (migration 20261123120000), never a scan of the whole list in force.
const SUPPRESSED_AMONG = `
  SELECT o.phone, o.scope::text
  FROM unnest($1::text[]) AS wanted(phone)
  CROSS JOIN LATERAL (
    SELECT phone, scope FROM oppositions
    WHERE phone = wanted.phone AND withdrawn_at IS NULL AND (sender_id IS NULL OR sender_id = $2)
  ) o`;

async function suppressedAmong(phones: string[], senderId: number): Promise<Map<string, "all" | "sender">> {
  const answers = await Promise.all(
    splitForParallel(phones).map((chunk) => pool().query<[string, "all" | "sender"]>({ text: SUPPRESSED_AMONG, values: [chunk, senderId], rowMode: "array" })),
  );
  const scopes = new Map<string, "all" | "sender">();
  // A number opposed both to this sender and to all senders is reported once, as "all".
  for (const { rows } of answers) for (const [phone, scope] of rows) if (scopes.get(phone) !== "all") scopes.set(phone, scope);
  return scopes;
}

/** Washes a campaign list against what is in force for one sender. Only numbers the provider sent come back. */
export async function washPhones(providerId: number, senderCode: string, inputs: string[], defaultRegion: string): Promise<WashResult> {
  const sender = await authorizedSender(providerId, senderCode);
  await chargeNumbersQuota(providerId, inputs.length);
  const { phones, invalid } = parsePhoneList(inputs, defaultRegion);
  const scopes = await suppressedAmong(phones, sender.id);
  const suppressed = [...scopes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([phone, scope]) => ({ phone, scope }));
  return { checked: inputs.length, suppressed, invalid };
}
