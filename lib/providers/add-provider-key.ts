import "server-only";
import { writeAudit, type Actor } from "@/lib/audit/write-audit";
import { assertActorMay } from "@/lib/auth/assert-actor-may";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { conflict, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { addProviderKeySchema } from "./schemas";

/** Registers a provider's Ed25519 public key. The platform never sees or stores private keys. */
export async function addProviderKey(actor: Actor, input: unknown) {
  await assertActorMay(actor, "admin");
  const data = parseInput(addProviderKeySchema, input);
  try {
    return await db().$transaction(async (tx) => {
      const provider = await tx.provider.findUnique({ where: { slug: data.providerSlug } });
      if (!provider) throw notFound(`no provider ${data.providerSlug}`);
      const key = await tx.providerKey.create({
        data: { keyid: data.keyid, providerId: provider.id, publicKeyPem: data.publicKeyPem },
      });
      await writeAudit(tx, actor, { action: "provider.key.add", targetType: "provider-key", targetId: key.keyid, after: { provider: provider.slug } });
      return key;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`key id ${data.keyid} is already registered`);
    throw error;
  }
}
