import "server-only";
import { pool } from "@/lib/db/client";
import { rawTransaction } from "@/lib/db/raw-transaction";
import { splitForParallel } from "@/lib/db/split-for-parallel";
import type { PhoneProblem } from "@/lib/phone/parse-phone";
import { parsePhoneList } from "@/lib/phone/parse-phone-list";
import { TIME_ZONE } from "@/lib/time-zone";
import { generateLinkCode } from "./link-code";

export interface MintLinksInput {
  providerId: number;
  senderId: number;
  campaign: string;
  phones: string[];
  expiresInDays: number;
  defaultRegion: string;
  publicUrl: string;
  /**
   * The campaign's declaration (1.2), if it has one: numbers that refused its list source get no link, and
   * its links are counted per source for the open data (listSourceId null: the advertiser's own numbers).
   */
  declaration?: { listSourceId: number | null } | null;
}

export interface MintedLink {
  phone: string;
  code: string;
  url: string;
}

export interface MintLinksResult {
  links: MintedLink[];
  invalid: { input: string; reason: PhoneProblem | "opposed-source" }[];
}

// A number that refused the campaign's declared list source (scope `source`, in force): the issue of
// provenance asks that such a campaign cannot reach it, so no link is minted (reported in `invalid`).
const REFUSED_SOURCE = `
  SELECT o.phone FROM unnest($1::text[]) AS wanted(phone)
  JOIN oppositions o ON o.phone = wanted.phone AND o.withdrawn_at IS NULL AND o.list_source_id = $2
   AND o.canary_provider_id IS NULL`;

async function withoutRefusedSource(
  phones: string[],
  listSourceId: number | null | undefined,
): Promise<{ phones: string[]; refused: string[] }> {
  if (listSourceId == null || phones.length === 0) return { phones, refused: [] };
  const { rows } = await pool().query<{ phone: string }>(REFUSED_SOURCE, [phones, listSourceId]);
  if (rows.length === 0) return { phones, refused: [] };
  const refused = new Set(rows.map((r) => r.phone));
  return { phones: phones.filter((p) => !refused.has(p)), refused: [...refused].sort() };
}

const MAX_ATTEMPTS = 5;
const UNIQUE_VIOLATION = "23505";

// Links this campaign already has for these numbers: their expiry is extended, their code kept.
const EXTEND_EXISTING = `
  UPDATE stop_links l SET expires_at = GREATEST(l.expires_at, $4)
  FROM unnest($3::text[]) AS wanted(phone)
  WHERE l.sender_id = $1 AND l.campaign = $2 AND l.phone = wanted.phone
  RETURNING l.phone, l.code`;

const INSERT_NEW = `
  INSERT INTO stop_links (code, phone, sender_id, provider_id, campaign, expires_at)
  SELECT code, phone, $3, $4, $5, $6 FROM unnest($1::text[], $2::text[]) AS t(code, phone)`;

const COUNT_MINTED = `
  INSERT INTO daily_link_stats (day, sender_id, minted)
  VALUES ((now() AT TIME ZONE $1)::date, $2, $3)
  ON CONFLICT (day, sender_id) DO UPDATE SET minted = daily_link_stats.minted + EXCLUDED.minted`;
const COUNT_MINTED_FOR_SOURCE = `
  INSERT INTO daily_source_link_stats (day, list_source_id, sender_id, provider_id, minted)
  VALUES ((now() AT TIME ZONE $1)::date, $2, $3, $4, $5)
  ON CONFLICT (day, list_source_id, sender_id, provider_id) DO UPDATE SET minted = daily_source_link_stats.minted + EXCLUDED.minted`;

/**
 * Mints the links of one batch in one transaction: extend the links the campaign already has, then one
 * plain INSERT of the new ones (cheaper than INSERT … ON CONFLICT, whose speculative insertion cost a third
 * of the time at 100 000 rows), and count them. Two rare races end in a unique violation — a random code
 * drawn twice, or the same campaign minted concurrently — and the transaction is simply tried again.
 */
async function mintBatch(input: MintLinksInput, phones: string[], expiresAt: Date): Promise<Map<string, string>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await rawTransaction(async (client) => {
        const codes = new Map<string, string>();
        const existing = await client.query<[string, string]>({
          text: EXTEND_EXISTING,
          values: [input.senderId, input.campaign, phones, expiresAt],
          rowMode: "array",
        });
        for (const [phone, code] of existing.rows) codes.set(phone, code);
        const fresh = codes.size === 0 ? phones : phones.filter((phone) => !codes.has(phone));
        if (fresh.length === 0) return codes;
        const freshCodes = fresh.map(generateLinkCode);
        await client.query(INSERT_NEW, [
          freshCodes,
          fresh,
          input.senderId,
          input.providerId,
          input.campaign,
          expiresAt,
        ]);
        fresh.forEach((phone, i) => codes.set(phone, freshCodes[i]!));
        await client.query(COUNT_MINTED, [TIME_ZONE, input.senderId, fresh.length]);
        if (input.declaration && fresh.length > 0)
          await client.query(COUNT_MINTED_FOR_SOURCE, [
            TIME_ZONE,
            input.declaration.listSourceId,
            input.senderId,
            input.providerId,
            fresh.length,
          ]);
        return codes;
      });
    } catch (error) {
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

/**
 * Mints one StopSMS link per recipient; the same (sender, campaign, phone) always gets the same code. A long
 * list is minted as two transactions at once (see split-for-parallel.ts), each atomic with its count; a call
 * that fails half-way is safe to repeat, because minting is idempotent.
 */
export async function mintLinks(input: MintLinksInput): Promise<MintLinksResult> {
  const parsed = parsePhoneList(input.phones, input.defaultRegion);
  const { phones, refused } = await withoutRefusedSource(parsed.phones, input.declaration?.listSourceId);
  const invalid: MintLinksResult["invalid"] = [
    ...parsed.invalid,
    ...refused.map((phone) => ({ input: phone, reason: "opposed-source" as const })),
  ];
  const expiresAt = new Date(Date.now() + input.expiresInDays * 86_400_000);
  const codes = new Map<string, string>();
  for (const minted of await Promise.all(splitForParallel(phones).map((batch) => mintBatch(input, batch, expiresAt))))
    for (const [phone, code] of minted) codes.set(phone, code);
  const base = input.publicUrl.replace(/\/+$/, "");
  return {
    links: phones.map((phone) => ({ phone, code: codes.get(phone)!, url: `${base}/${codes.get(phone)!}` })),
    invalid,
  };
}
