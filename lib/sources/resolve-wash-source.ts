import "server-only";
import { problems } from "@/lib/problems";
import { readCampaignDeclaration } from "./campaign-declaration";
import { findListSource } from "./find-list-source";
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
    const declared = await readCampaignDeclaration(senderId, given.campaign);
    if (!declared) throw problems.unknownCampaign(given.campaign);
    return declared.listSource?.id ?? null;
  }
  if (!given.source || given.source === OWN_SOURCE) return null;
  const source = await findListSource(given.source);
  if (!source) throw problems.unknownSource(given.source);
  return source.id;
}
