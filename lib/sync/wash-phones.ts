import "server-only";
import { chargeNumbersQuota } from "./charge-numbers-quota";
import { pool } from "@/lib/db/client";
import { splitForParallel } from "@/lib/db/split-for-parallel";
import type { PhoneProblem } from "@/lib/phone/parse-phone";
import { parsePhoneList } from "@/lib/phone/parse-phone-list";
import { findCanaries, raiseCanaryAlerts } from "@/lib/canaries/watch-canaries";
import { authorizedSender } from "./authorized-sender";
import { resolveWashSource } from "@/lib/sources/resolve-wash-source";

type WashScope = "all" | "sender" | "source";

export interface WashResult {
  checked: number;
  suppressed: { phone: string; scope: WashScope }[];
  invalid: { input: string; reason: PhoneProblem }[];
}

// What applies to a campaign of sender $2 declaring list source $3 (NULL: `own` or none): the `all`
// refusals (no sender, no source), this sender's, and this source's. One index-only probe per number
// (oppositions_in_force_phone_idx), never a scan of the whole list in force.
const APPLIES = `withdrawn_at IS NULL
  AND ((sender_id IS NULL AND list_source_id IS NULL) OR sender_id = $2 OR list_source_id = $3)`;
const SUPPRESSED_AMONG = `
  SELECT o.phone, o.scope::text
  FROM unnest($1::text[]) AS wanted(phone)
  CROSS JOIN LATERAL (SELECT phone, scope FROM oppositions WHERE phone = wanted.phone AND ${APPLIES}) o`;

/** A number refused several ways is reported once, by its widest refusal. */
const WIDTH: Record<WashScope, number> = { all: 3, sender: 2, source: 1 };

async function suppressedAmong(
  phones: string[],
  senderId: number,
  listSourceId: number | null,
): Promise<Map<string, WashScope>> {
  const answers = await Promise.all(
    splitForParallel(phones).map((chunk) =>
      pool().query<[string, WashScope]>({
        text: SUPPRESSED_AMONG,
        values: [chunk, senderId, listSourceId],
        rowMode: "array",
      }),
    ),
  );
  const scopes = new Map<string, WashScope>();
  for (const { rows } of answers)
    for (const [phone, scope] of rows) {
      const seen = scopes.get(phone);
      if (!seen || WIDTH[scope] > WIDTH[seen]) scopes.set(phone, scope);
    }
  return scopes;
}

/** What someone really refused on this number, beside the canary entry on it (rare: a reserved number). */
async function realScope(phone: string, senderId: number, listSourceId: number | null): Promise<WashScope | null> {
  const { rows } = await pool().query<{ scope: WashScope }>(
    `SELECT scope::text AS scope FROM oppositions WHERE phone = $1 AND canary_provider_id IS NULL AND ${APPLIES}`,
    [phone, senderId, listSourceId],
  );
  return rows.map((r) => r.scope).sort((a, b) => WIDTH[b] - WIDTH[a])[0] ?? null;
}

/**
 * Washes a campaign list against what is in force for one sender and, given a campaign or a source
 * (1.2), for the list source its numbers come from. Only numbers the provider sent come back.
 */
export async function washPhones(
  caller: { providerId: number; keyid: string },
  senderCode: string,
  inputs: string[],
  defaultRegion: string,
  provenance: { campaign?: string; source?: string } = {},
): Promise<WashResult> {
  const { providerId } = caller;
  const sender = await authorizedSender(providerId, senderCode);
  const listSourceId = await resolveWashSource(sender.id, provenance);
  await chargeNumbersQuota(providerId, inputs.length);
  const { phones, invalid } = parsePhoneList(inputs, defaultRegion);
  const [scopes, canaries] = await Promise.all([
    suppressedAmong(phones, sender.id, listSourceId),
    findCanaries(phones),
  ]);
  // Another provider's canary is answered as the unknown number it is for this caller; one's own is in
  // one's list. Either way, a canary in a campaign list is a leaked list being used: the CNDP is told.
  for (const [phone, owner] of canaries) {
    if (owner === providerId || !scopes.has(phone)) continue;
    const real = await realScope(phone, sender.id, listSourceId);
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
