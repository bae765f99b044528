import "server-only";
import { writeAudit, type Actor } from "@/lib/audit/write-audit";
import { assertActorMay } from "@/lib/auth/assert-actor-may";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { conflict, invalidInput } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { createProviderSchema } from "./schemas";

export async function createProvider(actor: Actor, input: unknown) {
  await assertActorMay(actor, "admin");
  const data = parseInput(createProviderSchema, input);
  try {
    return await db().$transaction(async (tx) => {
      const senders = await tx.sender.findMany({ where: { code: { in: data.senderCodes } } });
      const missing = data.senderCodes.filter((code) => !senders.some((s) => s.code === code));
      if (missing.length > 0)
        throw invalidInput(`unknown sender(s): ${missing.join(", ")}`, undefined, {
          id: "providers.unknown-senders",
          values: { senders: missing.join(", ") },
        });
      const provider = await tx.provider.create({
        data: {
          slug: data.slug,
          name: data.name,
          anrtNumber: data.anrtNumber,
          kind: data.kind,
          contact: data.contact,
          senders: { create: senders.map((s) => ({ senderId: s.id })) },
        },
      });
      await writeAudit(tx, actor, {
        action: "provider.create",
        targetType: "provider",
        targetId: provider.slug,
        after: { ...data },
      });
      return provider;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict(`a provider with slug ${data.slug} or ANRT number ${data.anrtNumber} already exists`, {
        id: "providers.provider-exists",
        values: { slug: data.slug, anrt: data.anrtNumber },
      });
    throw error;
  }
}
