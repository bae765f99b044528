import { SECTORS } from "./sectors";
import { createPublicKey } from "node:crypto";
import { z } from "zod";

export const slugSchema = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "lowercase letters, digits and single hyphens, e.g. acme-telecom");

export const keyidSchema = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9._-]{3,100}$/,
    "3 to 100 letters, digits, dots, hyphens or underscores, e.g. acme-telecom-2026-01",
  );

export const displayNameSchema = z.string().trim().min(1, "must not be empty").max(200);

export const anrtNumberSchema = z.string().trim().min(1, "must not be empty").max(64);

/** An Ed25519 public key as SPKI PEM, normalised to the canonical PEM text. */
export const ed25519PublicKeySchema = z.string().transform((pem, ctx) => {
  if (pem.includes("PRIVATE KEY")) {
    // Node would happily derive the public key, but a private key must never leave the provider.
    ctx.addIssue({
      code: "custom",
      message: "this is a PRIVATE key: send only the public key (openssl pkey -in key.pem -pubout)",
      params: { key: "private-key" },
    });
    return z.NEVER;
  }
  try {
    const key = createPublicKey({ key: pem.trim(), format: "pem" });
    if (key.asymmetricKeyType !== "ed25519") {
      ctx.addIssue({
        code: "custom",
        message: `must be an Ed25519 key, not ${key.asymmetricKeyType ?? "unknown"}`,
        params: { key: "not-ed25519" },
      });
      return z.NEVER;
    }
    return key.export({ type: "spki", format: "pem" }).toString();
  } catch {
    ctx.addIssue({
      code: "custom",
      message: "must be a public key in SPKI PEM form (-----BEGIN PUBLIC KEY-----)",
      params: { key: "not-a-public-key" },
    });
    return z.NEVER;
  }
});

export const createProviderSchema = z.object({
  slug: slugSchema,
  name: displayNameSchema,
  anrtNumber: anrtNumberSchema,
  // operator: a mobile network operator (assigns numbers; may report number events).
  kind: z.enum(["provider", "operator"]).default("provider"),
  contact: z.string().trim().max(200).optional(),
  senderCodes: z.array(slugSchema).default([]),
});

export const createSenderSchema = z.object({
  code: slugSchema,
  name: displayNameSchema,
  smsSenderIds: z.array(z.string().trim().min(1).max(20)).default([]),
  sector: z.enum(SECTORS).default("other"),
});

export const addProviderKeySchema = z.object({
  providerSlug: slugSchema,
  keyid: keyidSchema,
  publicKeyPem: ed25519PublicKeySchema,
});
