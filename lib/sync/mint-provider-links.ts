import "server-only";
import { mintLinks, type MintLinksResult } from "@/lib/links/mint-links";
import { findCanaries, raiseCanaryAlerts } from "@/lib/canaries/watch-canaries";
import { authorizedSender } from "./authorized-sender";
import { chargeNumbersQuota } from "./charge-numbers-quota";

export async function mintProviderLinks(
  caller: { providerId: number; keyid: string },
  input: { sender: string; campaign: string; phones: string[]; expires_in_days: number },
  settings: { defaultRegion: string; publicUrl: string },
): Promise<MintLinksResult> {
  const { providerId } = caller;
  const sender = await authorizedSender(providerId, input.sender);
  await chargeNumbersQuota(providerId, input.phones.length);
  const result = await mintLinks({
    providerId,
    senderId: sender.id,
    campaign: input.campaign,
    phones: input.phones,
    expiresInDays: input.expires_in_days,
    ...settings,
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
