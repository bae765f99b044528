import "server-only";
import { mintLinks, type MintLinksResult } from "@/lib/links/mint-links";
import { findCanaries, raiseCanaryAlerts } from "@/lib/canaries/watch-canaries";
import { authorizedSender } from "./authorized-sender";
import { chargeNumbersQuota } from "./charge-numbers-quota";
import { fixCampaignDeclaration } from "@/lib/sources/fix-campaign-declaration";
import type { DeclarationInput } from "@/lib/sources/schemas";

export async function mintProviderLinks(
  caller: { providerId: number; keyid: string },
  input: {
    sender: string;
    campaign: string;
    phones: string[];
    expires_in_days: number;
    declaration?: DeclarationInput;
  },
  settings: { defaultRegion: string; publicUrl: string; requireDeclaration: boolean },
): Promise<MintLinksResult> {
  const { providerId } = caller;
  const sender = await authorizedSender(providerId, input.sender);
  // Before the quota: a refused declaration costs the caller nothing but the call.
  const declaration = await fixCampaignDeclaration({
    providerId,
    sender,
    campaign: input.campaign,
    declaration: input.declaration,
    required: settings.requireDeclaration,
  });
  await chargeNumbersQuota(providerId, input.phones.length);
  const result = await mintLinks({
    providerId,
    senderId: sender.id,
    campaign: input.campaign,
    phones: input.phones,
    expiresInDays: input.expires_in_days,
    defaultRegion: settings.defaultRegion,
    publicUrl: settings.publicUrl,
    declaration,
  });
  // Links for canary numbers are minted like any others (the caller learns nothing); the CNDP is told.
  const canaries = await findCanaries(result.links.map((l) => l.phone));
  await raiseCanaryAlerts(
    {
      caller,
      endpoint: "POST /links",
      details: { sender: input.sender, campaign: input.campaign, numbers: input.phones.length },
    },
    canaries,
  );
  return result;
}
