import "server-only";
import { createPublicKey } from "node:crypto";
import { writeAudit, type Actor } from "@/lib/audit/write-audit";
import { assertActorMay } from "@/lib/auth/assert-actor-may";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { conflict, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { addProviderKeySchema } from "./schemas";

const spkiOf = (pem: string) => createPublicKey(pem).export({ type: "spki", format: "der" }).toString("base64");

/**
 * Registers a provider's Ed25519 public key. The platform never sees or stores private keys. One key pair
 * belongs to one provider only: the same public key under two providers would let one sign as the other.
 */
export async function addProviderKey(actor: Actor, input: unknown) {
  await assertActorMay(actor, "admin");
  const data = parseInput(addProviderKeySchema, input);
  try {
    return await db().$transaction(async (tx) => {
      const provider = await tx.provider.findUnique({ where: { slug: data.providerSlug } });
      if (!provider)
        throw notFound(`no provider ${data.providerSlug}`, {
          id: "providers.no-provider",
          values: { slug: data.providerSlug },
        });
      // Serialised with other key registrations, so two providers cannot register the same key at once.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(727367002)`;
      const spki = spkiOf(data.publicKeyPem);
      const taken = (
        await tx.providerKey.findMany({
          where: { providerId: { not: provider.id } },
          select: { publicKeyPem: true, keyid: true },
        })
      ).find((k) => spkiOf(k.publicKeyPem) === spki);
      if (taken)
        throw conflict("this public key is already registered to another provider", {
          id: "providers.public-key-taken",
        });
      const key = await tx.providerKey.create({
        data: { keyid: data.keyid, providerId: provider.id, publicKeyPem: data.publicKeyPem },
      });
      await writeAudit(tx, actor, {
        action: "provider.key.add",
        targetType: "provider-key",
        targetId: key.keyid,
        after: { provider: provider.slug },
      });
      return key;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict(`key id ${data.keyid} is already registered`, {
        id: "providers.keyid-taken",
        values: { keyid: data.keyid },
      });
    throw error;
  }
}
