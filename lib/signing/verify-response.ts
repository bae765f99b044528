import { createPublicKey, verify } from "node:crypto";
import { httpbis } from "http-message-signatures";
import { digestMatches } from "./digest";

export interface Jwks {
  keys: { kty: string; crv: string; x: string; kid: string }[];
}

/**
 * The provider's check of a platform response: the signature over (@status content-type content-digest)
 * by a key of the JWKS, and the body's digest. Used by the reference client and the tests.
 */
export async function verifyPlatformResponse(response: { status: number; headers: Headers }, body: Uint8Array, jwks: Jwks): Promise<boolean> {
  if (!digestMatches(response.headers.get("content-digest"), body)) return false;
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  try {
    const result = await httpbis.verifyMessage(
      {
        requiredFields: ["@status", "content-type", "content-digest"],
        requiredParams: ["created", "keyid"],
        tolerance: 3_600,
        async keyLookup(params) {
          const jwk = jwks.keys.find((k) => k.kid === params.keyid && k.kty === "OKP" && k.crv === "Ed25519");
          if (!jwk) return null;
          const key = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: jwk.x }, format: "jwk" });
          return { id: jwk.kid, algs: ["ed25519"], verify: async (data: Buffer, signature: Buffer) => verify(null, data, key, signature) };
        },
      },
      { status: response.status, headers },
    );
    return result === true;
  } catch {
    return false;
  }
}
