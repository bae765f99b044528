import { createPrivateKey, generateKeyPairSync, randomInt, type KeyObject } from "node:crypto";
import type pg from "pg";

/** A fresh Ed25519 key of the generated data's provider, as a provider's client would hold it. */
export async function registerKey(client: pg.Client): Promise<{ keyid: string; privateKey: KeyObject }> {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const keyid = `bench-${Date.now()}-${randomInt(1_000_000)}`;
  await client.query(
    "INSERT INTO provider_keys (keyid, provider_id, public_key_pem) SELECT $1, id, $2 FROM providers WHERE slug = 'bench-provider'",
    [keyid, publicKey.export({ type: "spki", format: "pem" }).toString()],
  );
  return { keyid, privateKey: createPrivateKey(privateKey.export({ type: "pkcs8", format: "pem" })) };
}
