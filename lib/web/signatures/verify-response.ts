import { createPublicKey, verify } from "node:crypto";
import { httpbis } from "http-message-signatures";
import { parseDictionary, serializeDictionary } from "structured-headers";
import { digestHeaderEquals, digestMatches } from "@/lib/signing/digest";

import type { Jwks } from "@/lib/signing/jwks";

export type { Jwks };

type SignedResponse = { status: number; headers: Headers };

/** The body as received, or the SHA-256 of a body too large to hold (hashed as it streamed). */
export type ReceivedBody = Uint8Array | { sha256: Buffer };

/**
 * The provider's check of a platform response: the `stopsms` signature over (@status content-type
 * content-digest) by a key of the JWKS, and the body's digest. Used by the reference client and the tests.
 */
export async function verifyPlatformResponse(
  response: SignedResponse,
  body: ReceivedBody,
  jwks: Jwks,
): Promise<boolean> {
  return verifyLabel(response, body, jwks, "stopsms");
}

/**
 * The 1.1 check that an answer belongs to one request: the `stopsms-req` signature over the response's
 * status, type and digest and the request's own signature (`"signature";req;key="<label>"`).
 */
export async function verifyResponseToRequest(
  response: SignedResponse,
  body: ReceivedBody,
  jwks: Jwks,
  request: { headers: Record<string, string> },
): Promise<boolean> {
  const requestHeaders = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v]));
  return verifyLabel(response, body, jwks, "stopsms-req", requestHeaders);
}

/** Verifies the one signature labelled `label` (the others are ignored, as RFC 9421 verifiers may). */
async function verifyLabel(
  response: SignedResponse,
  body: ReceivedBody,
  jwks: Jwks,
  label: string,
  requestHeaders?: Record<string, string>,
): Promise<boolean> {
  const digest = response.headers.get("content-digest");
  if (!("sha256" in body ? digestHeaderEquals(digest, body.sha256) : digestMatches(digest, body))) return false;
  const headers = onlyLabel(response.headers, label);
  if (!headers) return false;
  // The request-bound component is checked in the Signature-Input itself: the library matches plain names only.
  if (requestHeaders && !/"signature";req;key="[^"]+"/.test(headers["signature-input"]!)) return false;
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
          return {
            id: jwk.kid,
            algs: ["ed25519"],
            verify: async (data: Buffer, signature: Buffer) => verify(null, data, key, signature),
          };
        },
      },
      { status: response.status, headers },
      requestHeaders ? { method: "GET", url: "http://request.invalid/", headers: requestHeaders } : undefined,
    );
    return result === true;
  } catch {
    return false;
  }
}

/** The response's headers with only one signature label kept: each check verifies the one it names. */
function onlyLabel(responseHeaders: Headers, label: string): Record<string, string> | null {
  const headers: Record<string, string> = {};
  responseHeaders.forEach((value, name) => {
    headers[name] = value;
  });
  try {
    const input = parseDictionary(headers["signature-input"] ?? "").get(label);
    const signature = parseDictionary(headers["signature"] ?? "").get(label);
    if (!input || !signature) return null;
    headers["signature-input"] = serializeDictionary(new Map([[label, input]]));
    headers["signature"] = serializeDictionary(new Map([[label, signature]]));
    return headers;
  } catch {
    return null;
  }
}
