import "server-only";
import { mintLinks, type MintLinksResult } from "@/lib/links/mint-links";
import { authorizedSender } from "./authorized-sender";
import { chargeNumbersQuota } from "./charge-numbers-quota";

export async function mintProviderLinks(
  providerId: number,
  input: { sender: string; campaign: string; phones: string[]; expires_in_days: number },
  settings: { defaultRegion: string; publicUrl: string },
): Promise<MintLinksResult> {
  const sender = await authorizedSender(providerId, input.sender);
  await chargeNumbersQuota(providerId, input.phones.length);
  return mintLinks({
    providerId,
    senderId: sender.id,
    campaign: input.campaign,
    phones: input.phones,
    expiresInDays: input.expires_in_days,
    ...settings,
  });
}
