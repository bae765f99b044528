import "server-only";
import { z } from "zod";
import { writeAudit, type Actor } from "@/lib/audit/write-audit";
import { assertActorMay } from "@/lib/auth/assert-actor-may";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { slugSchema } from "./schemas";

const linkSchema = z.object({ providerSlug: slugSchema, senderCode: slugSchema });

/** Authorises a provider to act for a sender. Linking twice is harmless. */
export async function linkSender(actor: Actor, input: unknown): Promise<{ linked: boolean }> {
  await assertActorMay(actor, "admin");
  const { providerSlug, senderCode } = parseInput(linkSchema, input);
  return db().$transaction(async (tx) => {
    const provider = await tx.provider.findUnique({ where: { slug: providerSlug } });
    if (!provider)
      throw notFound(`no provider ${providerSlug}`, { id: "providers.no-provider", values: { slug: providerSlug } });
    const sender = await tx.sender.findUnique({ where: { code: senderCode } });
    if (!sender) throw notFound(`no sender ${senderCode}`, { id: "providers.no-sender", values: { code: senderCode } });
    const inserted = await tx.$executeRaw`
      INSERT INTO provider_senders (provider_id, sender_id) VALUES (${provider.id}, ${sender.id}) ON CONFLICT DO NOTHING`;
    if (inserted === 0) return { linked: false };
    await writeAudit(tx, actor, {
      action: "provider.sender.link",
      targetType: "provider",
      targetId: providerSlug,
      after: { sender: senderCode },
    });
    return { linked: true };
  });
}
