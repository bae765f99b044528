import "server-only";
import { sign } from "node:crypto";
import { platformKey } from "@/lib/signing/platform-key";

/**
 * An evidence pack as a JWS (RFC 7515, flattened JSON) with an unencoded payload (RFC 7797, b64=false):
 * the document stays readable JSON text in `payload`, and the detached Ed25519 signature covers exactly
 * those bytes. Anyone verifies it with the platform's JWKS (`kid`), with any JOSE library or
 * `npm run admin -- evidence:verify <file>`.
 */
export interface SignedPack {
  protected: string;
  payload: string;
  signature: string;
}

export function signPack(document: unknown): SignedPack {
  const key = platformKey();
  const header = Buffer.from(
    JSON.stringify({ alg: "EdDSA", kid: key.keyid, b64: false, crit: ["b64"], typ: "stopsms-evidence+json" }),
  ).toString("base64url");
  const payload = JSON.stringify(document, null, 2);
  const signature = sign(null, Buffer.from(`${header}.${payload}`, "utf8"), key.privateKey).toString("base64url");
  return { protected: header, payload, signature };
}
