import "server-only";
import { db } from "@/lib/db/client";
import { problems } from "@/lib/problems";

/** A provider acts only for the senders it is linked to; anything else is 403 `forbidden`. */
export async function authorizedSender(
  providerId: number,
  code: string,
): Promise<{ id: number; code: string; name: string }> {
  const link = await db().providerSender.findFirst({
    where: { providerId, sender: { code } },
    select: { sender: { select: { id: true, code: true, name: true } } },
  });
  if (!link) throw problems.forbidden(`not authorised for sender ${code}`);
  return link.sender;
}

export async function listProviderSenders(providerId: number) {
  const links = await db().providerSender.findMany({
    where: { providerId },
    select: { sender: { select: { code: true, name: true, smsSenderIds: true } } },
    orderBy: { sender: { code: "asc" } },
  });
  // 1.2: the SMS sender ids registered for each (the StopSMS gate refuses any other source_addr).
  return links.map(({ sender }) => ({ code: sender.code, name: sender.name, sms_ids: sender.smsSenderIds }));
}
