import "server-only";
import { chargeNumbersQuota } from "./charge-numbers-quota";
import { pool } from "@/lib/db/client";
import { splitForParallel } from "@/lib/db/split-for-parallel";
import type { PhoneProblem } from "@/lib/phone/parse-phone";
import { parsePhoneList } from "@/lib/phone/parse-phone-list";
import { findCanaries, raiseCanaryAlerts } from "@/lib/canaries/watch-canaries";
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
    splitForParallel(phones).map((chunk) =>
      pool().query<[string, "all" | "sender"]>({ text: SUPPRESSED_AMONG, values: [chunk, senderId], rowMode: "array" }),
    ),
  );
  const scopes = new Map<string, "all" | "sender">();
  // A number opposed both to this sender and to all senders is reported once, as "all".
  for (const { rows } of answers)
    for (const [phone, scope] of rows) if (scopes.get(phone) !== "all") scopes.set(phone, scope);
  return scopes;
}

/** What someone really refused on this number, beside the canary entry on it (rare: a reserved number). */
async function realScope(phone: string, senderId: number): Promise<"all" | "sender" | null> {
  const { rows } = await pool().query<{ scope: "all" | "sender" }>(
    "SELECT scope::text AS scope FROM oppositions WHERE phone = $1 AND withdrawn_at IS NULL AND canary_provider_id IS NULL AND (sender_id IS NULL OR sender_id = $2) ORDER BY scope",
    [phone, senderId],
  );
  return rows[0]?.scope ?? null;
}

/** Washes a campaign list against what is in force for one sender. Only numbers the provider sent come back. */
export async function washPhones(
  caller: { providerId: number; keyid: string },
  senderCode: string,
  inputs: string[],
  defaultRegion: string,
): Promise<WashResult> {
  const { providerId } = caller;
  const sender = await authorizedSender(providerId, senderCode);
  await chargeNumbersQuota(providerId, inputs.length);
  const { phones, invalid } = parsePhoneList(inputs, defaultRegion);
  const [scopes, canaries] = await Promise.all([suppressedAmong(phones, sender.id), findCanaries(phones)]);
  // Another provider's canary is answered as the unknown number it is for this caller; one's own is in
  // one's list. Either way, a canary in a campaign list is a leaked list being used: the CNDP is told.
  for (const [phone, owner] of canaries) {
    if (owner === providerId || !scopes.has(phone)) continue;
    const real = await realScope(phone, sender.id);
    if (real) scopes.set(phone, real);
    else scopes.delete(phone);
  }
  await raiseCanaryAlerts(
    { caller, endpoint: "POST /suppressions/check", details: { sender: senderCode, numbers: inputs.length } },
    canaries,
  );
  const suppressed = [...scopes]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([phone, scope]) => ({ phone, scope }));
  return { checked: inputs.length, suppressed, invalid };
}
