import "server-only";
import { db } from "@/lib/db/client";
import { parsePhone, type PhoneProblem } from "@/lib/phone/parse-phone";
import { TIME_ZONE } from "@/lib/oppositions/write-change";
import { generateLinkCode } from "./link-code";

export interface MintLinksInput {
  providerId: number;
  senderId: number;
  campaign: string;
  phones: string[];
  expiresInDays: number;
  defaultRegion: string;
  publicUrl: string;
}

export interface MintedLink {
  phone: string;
  code: string;
  url: string;
}

export interface MintLinksResult {
  links: MintedLink[];
  invalid: { input: string; reason: PhoneProblem }[];
}

/**
 * Mints one StopSMS link per recipient, set-based: one INSERT … SELECT FROM unnest per round. Minting the
 * same (sender, campaign, phone) again returns the same code (and extends its expiry if the new one is
 * later). A random code that collides with another link's is simply drawn again in the next round.
 */
export async function mintLinks(input: MintLinksInput): Promise<MintLinksResult> {
  const invalid: MintLinksResult["invalid"] = [];
  const wanted = new Set<string>();
  for (const raw of input.phones) {
    const parsed = parsePhone(raw, input.defaultRegion);
    if (parsed.ok) wanted.add(parsed.e164);
    else invalid.push({ input: raw, reason: parsed.reason });
  }
  const codes = new Map<string, string>();
  const expiresAt = new Date(Date.now() + input.expiresInDays * 86_400_000);
  await db().$transaction(
    async (tx) => {
      let pending = [...wanted];
      let minted = 0;
      for (let round = 0; pending.length > 0; round++) {
        if (round > 10) throw new Error("could not draw free link codes");
        const inserted = await tx.$queryRaw<{ phone: string; code: string }[]>`
          INSERT INTO stop_links (code, phone, sender_id, provider_id, campaign, expires_at)
          SELECT code, phone, ${input.senderId}, ${input.providerId}, ${input.campaign}, ${expiresAt}
          FROM unnest(${pending.map(generateLinkCode)}::text[], ${pending}::text[]) AS t(code, phone)
          ON CONFLICT DO NOTHING
          RETURNING phone, code`;
        minted += inserted.length;
        for (const row of inserted) codes.set(row.phone, row.code);
        const rest = pending.filter((phone) => !codes.has(phone));
        if (rest.length === 0) break;
        const existing = await tx.$queryRaw<{ phone: string; code: string }[]>`
          UPDATE stop_links SET expires_at = GREATEST(expires_at, ${expiresAt})
          WHERE sender_id = ${input.senderId} AND campaign = ${input.campaign} AND phone = ANY(${rest}::text[])
          RETURNING phone, code`;
        for (const row of existing) codes.set(row.phone, row.code);
        pending = rest.filter((phone) => !codes.has(phone));
      }
      if (minted > 0) {
        await tx.$executeRaw`
          INSERT INTO daily_link_stats (day, sender_id, minted)
          VALUES ((now() AT TIME ZONE ${TIME_ZONE})::date, ${input.senderId}, ${minted})
          ON CONFLICT (day, sender_id) DO UPDATE SET minted = daily_link_stats.minted + EXCLUDED.minted`;
      }
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  const base = input.publicUrl.replace(/\/+$/, "");
  const links = [...wanted].map((phone) => ({ phone, code: codes.get(phone)!, url: `${base}/${codes.get(phone)!}` }));
  return { links, invalid };
}
