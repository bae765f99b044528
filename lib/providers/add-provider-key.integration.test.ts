import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/audit/write-audit";
import { createProvider, uniqueSlug } from "@/lib/testing/fixtures";
import { addProviderKey } from "./add-provider-key";

const cli: Actor = { kind: "cli", label: "test" };

describe("addProviderKey", () => {
  it("refuses a public key already registered to another provider (and keeps accepting new keys)", async () => {
    const [a, b] = [await createProvider(), await createProvider()];
    const pem = generateKeyPairSync("ed25519").publicKey.export({ type: "spki", format: "pem" }).toString();
    await addProviderKey(cli, { providerSlug: a.slug, keyid: uniqueSlug("ka"), publicKeyPem: pem });
    await expect(
      addProviderKey(cli, { providerSlug: b.slug, keyid: uniqueSlug("kb"), publicKeyPem: pem }),
    ).rejects.toMatchObject({ status: 409 });
    const other = generateKeyPairSync("ed25519").publicKey.export({ type: "spki", format: "pem" }).toString();
    await expect(
      addProviderKey(cli, { providerSlug: b.slug, keyid: uniqueSlug("kb"), publicKeyPem: other }),
    ).resolves.toMatchObject({ providerId: b.id });
  });
});
