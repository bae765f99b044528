import "server-only";
import { db } from "@/lib/db/client";
import { DECLARATION_JSON_SQL } from "@/lib/sources/campaign-declaration";
import { complaintType } from "@/lib/complaints/schemas";
import { maskPhone } from "@/lib/phone/mask-phone";

interface Row {
  id: string;
  reason: keyof typeof complaintType;
  sender: string | null;
  campaign: string | null;
  link_code: string | null;
  phone: string | null;
  share_phone: boolean;
  reported_times: number;
  received_at: Date;
  created_at: Date;
  verdict: string | null;
  respond_by: Date | null;
  declaration: Record<string, string> | null;
}

/**
 * Complaints a provider may see (docs/protocol.md 1.2): one about a link only by the provider that minted it;
 * one without a link when it names a sender the provider may act for (the number then always masked).
 */
const VISIBLE = `((c.link_code IS NOT NULL AND c.provider_id = $1)
  OR (c.link_code IS NULL AND c.sender_id IN (SELECT sender_id FROM provider_senders WHERE provider_id = $1)))`;

/**
 * GET /complaints: oldest first (by report time, then id), after the complaint id the provider last saw.
 * The full number only to the provider that minted the complaint's link, and only when the citizen agreed
 * to share it with that provider; masked otherwise (a number taken from a receipt included).
 */
export async function listProviderComplaints(providerId: number, after: string | undefined, limit: number) {
  const rows = await db().$queryRawUnsafe<Row[]>(
    `SELECT c.id, c.reason::text AS reason, s.code AS sender, l.campaign, c.link_code, c.phone, c.share_phone, c.reported_times, c.received_at, c.created_at,
            c.verdict, c.respond_by,
            CASE WHEN c.reason = 'no_consent' AND d.sender_id IS NOT NULL THEN ${DECLARATION_JSON_SQL} END AS declaration
     FROM complaints c LEFT JOIN senders s ON s.id = c.sender_id LEFT JOIN stop_links l ON l.code = c.link_code
     LEFT JOIN campaign_declarations d ON d.sender_id = l.sender_id AND d.campaign = l.campaign
     LEFT JOIN list_sources ls ON ls.id = d.list_source_id
     WHERE ${VISIBLE}
       AND ($2::text IS NULL OR (c.created_at, c.id) > (SELECT created_at, id FROM complaints WHERE id = $2))
     ORDER BY c.created_at, c.id
     LIMIT $3`,
    providerId,
    after ?? null,
    limit + 1,
  );
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  return {
    complaints: page.map((c) => ({
      id: c.id,
      type: complaintType[c.reason],
      sender: c.sender,
      campaign: c.campaign,
      link: c.link_code,
      phone: c.phone ? (c.share_phone && c.link_code ? c.phone : maskPhone(c.phone)) : null,
      received_at: c.received_at.toISOString(),
      reported_at: c.created_at.toISOString(),
      verdict: c.verdict ?? "undetermined",
      respond_by: (c.respond_by ?? c.created_at).toISOString(),
      reported_times: c.reported_times,
      // 1.2: "I never agreed" comes with the declaration of the campaign the link belongs to.
      ...(c.declaration ? { declaration: c.declaration } : {}),
    })),
    next: page.at(-1)?.id ?? after ?? null,
    more,
  };
}

/** Whether the provider may see that complaint (the response endpoint answers 404 otherwise). */
export async function complaintVisibleTo(providerId: number, id: string): Promise<boolean> {
  const rows = await db().$queryRawUnsafe<{ id: string }[]>(
    `SELECT c.id FROM complaints c WHERE c.id = $2 AND ${VISIBLE}`,
    providerId,
    id,
  );
  return rows.length === 1;
}
