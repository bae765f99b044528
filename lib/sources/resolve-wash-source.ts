import "server-only";
import { pool } from "@/lib/db/client";
import { problems } from "@/lib/problems";
import { OWN_SOURCE } from "./schemas";

/**
 * The list source a wash checks against (SYNC-PROTOCOL 1.2): the campaign's declared one, or a code given
 * before the campaign exists. null when none applies (`own`, or neither given). A suspended source still
 * counts here: its refusals stay in force.
 */
export async function resolveWashSource(
  senderId: number,
  given: { campaign?: string; source?: string },
): Promise<number | null> {
  if (given.campaign) {
    const { rows } = await pool().query<{ list_source_id: number | null }>(
      "SELECT list_source_id FROM campaign_declarations WHERE sender_id = $1 AND campaign = $2",
      [senderId, given.campaign],
    );
    if (!rows[0]) throw problems.unknownCampaign(given.campaign);
    return rows[0].list_source_id;
  }
  if (!given.source || given.source === OWN_SOURCE) return null;
  const { rows } = await pool().query<{ id: number }>("SELECT id FROM list_sources WHERE code = $1", [given.source]);
  if (!rows[0]) throw problems.unknownSource(given.source);
  return rows[0].id;
}
