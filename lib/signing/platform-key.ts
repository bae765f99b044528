import "server-only";
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

export interface PlatformKey {
  keyid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  jwk: { kty: "OKP"; crv: "Ed25519"; x: string; kid: string; use: "sig"; alg: "EdDSA" };
}

let cached: PlatformKey | undefined;

/** Development and the embedded mode may use a key generated once under the data directory. */
function developmentKeyPem(): string {
  const { NODE_ENV, STOPSMS_DATA_DIR } = env();
  if (NODE_ENV === "production" && process.env.STOPSMS_EMBEDDED !== "1") {
    throw new Error("STOPSMS_SIGNING_KEY is required in production (an Ed25519 PKCS#8 PEM private key)");
  }
  const file = path.resolve(STOPSMS_DATA_DIR, "platform-signing-key.pem");
  try {
    return readFileSync(file, "utf8");
  } catch {
    const pem = generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, pem, { mode: 0o600, flag: "wx" });
    return pem;
  }
}

/** The key that signs every /api/v1 response; its public half is published as a JWKS. */
export function platformKey(): PlatformKey {
  if (cached) return cached;
  const pem = env().STOPSMS_SIGNING_KEY ?? developmentKeyPem();
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== "ed25519") throw new Error("STOPSMS_SIGNING_KEY must be an Ed25519 key");
  const publicKey = createPublicKey(privateKey);
  const spki = publicKey.export({ type: "spki", format: "der" });
  // A stable id derived from the key itself: rotating the key changes it.
  const keyid = `stopsms-${createHash("sha256").update(spki).digest("hex").slice(0, 16)}`;
  const x = (publicKey.export({ format: "jwk" }) as { x: string }).x;
  cached = {
    keyid,
    privateKey,
    publicKey,
    jwk: { kty: "OKP", crv: "Ed25519", x, kid: keyid, use: "sig", alg: "EdDSA" },
  };
  return cached;
}
