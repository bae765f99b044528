import { createPublicKey, verify } from "node:crypto";
import type { Jwks } from "@/lib/signing/jwks";

export type PackCheck =
  { valid: true; kid: string; document: Record<string, unknown> } | { valid: false; reason: string };

/** Checks a pack (see sign-pack.ts) against a JWKS: any changed byte of the payload or header fails. */
export function verifyPack(text: string, jwks: Jwks): PackCheck {
  let pack: { protected?: unknown; payload?: unknown; signature?: unknown };
  try {
    pack = JSON.parse(text);
  } catch {
    return { valid: false, reason: "not JSON" };
  }
  if (typeof pack.protected !== "string" || typeof pack.payload !== "string" || typeof pack.signature !== "string")
    return { valid: false, reason: "not a StopSMS evidence pack (protected, payload, signature)" };
  let header: { alg?: string; kid?: string; b64?: boolean };
  try {
    header = JSON.parse(Buffer.from(pack.protected, "base64url").toString("utf8"));
  } catch {
    return { valid: false, reason: "the protected header is not JSON" };
  }
  if (header.alg !== "EdDSA" || header.b64 !== false || !header.kid)
    return { valid: false, reason: "unexpected header (EdDSA, b64=false and kid are required)" };
  const jwk = jwks.keys.find((k) => k.kid === header.kid && k.kty === "OKP" && k.crv === "Ed25519");
  if (!jwk) return { valid: false, reason: `key ${header.kid} is not in the JWKS` };
  const key = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: jwk.x }, format: "jwk" });
  const ok = verify(
    null,
    Buffer.from(`${pack.protected}.${pack.payload}`, "utf8"),
    key,
    Buffer.from(pack.signature, "base64url"),
  );
  if (!ok)
    return { valid: false, reason: "the signature does not match: the pack was changed or signed by another key" };
  return { valid: true, kid: header.kid, document: JSON.parse(pack.payload) as Record<string, unknown> };
}
