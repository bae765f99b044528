import "server-only";
import { sign } from "node:crypto";
import { httpbis } from "http-message-signatures";
import { contentDigest } from "@/lib/signing/digest";
import { platformKey } from "@/lib/signing/platform-key";

/** The label of the provider's request signature that `stopsms-req` covers (every example uses `sig1`). */
export type RequestSignature = { label: string; headers: Headers };

/**
 * Signs an /api/v1 response (docs/protocol.md "Response signing") so a provider can prove later which
 * list it was given: Content-Digest over the exact bytes, then an Ed25519 signature `stopsms` over
 * ("@status" "content-type" "content-digest"). When the request was signed, a second signature
 * `stopsms-req` (1.1 "Responses bound to their request") also covers the request's own signature
 * ("signature";req;key=<label>), which covers its method, path, query, body digest and nonce: the answer
 * is then provably the answer to that one request. Same key, `created` and `alg` for both.
 */
export async function signResponse(
  status: number,
  contentType: string,
  body: Uint8Array,
  extraHeaders: Record<string, string> = {},
  request?: RequestSignature,
): Promise<Response> {
  const headers = await signedHeaders(status, contentType, contentDigest(body), extraHeaders, request);
  return new Response(Buffer.from(body), { status, headers });
}

/**
 * The signed headers of an answer whose Content-Digest is already known: a snapshot file, streamed from
 * the database, whose digest was computed once when it was built.
 */
export async function signedHeaders(
  status: number,
  contentType: string,
  digest: string,
  extraHeaders: Record<string, string> = {},
  request?: RequestSignature,
): Promise<Record<string, string>> {
  const key = platformKey();
  const headers: Record<string, string> = {
    ...extraHeaders,
    "content-type": contentType,
    "content-digest": digest,
    "cache-control": "no-store, no-transform",
  };
  const signer = { id: key.keyid, alg: "ed25519", sign: async (data: Buffer) => sign(null, data, key.privateKey) };
  const created = new Date();
  const fields = ["@status", "content-type", "content-digest"];
  let signed = await httpbis.signMessage(
    { key: signer, name: "stopsms", fields, params: ["created", "keyid", "alg"], paramValues: { created } },
    { status, headers },
  );
  if (request) {
    const requestHeaders: Record<string, string> = {};
    request.headers.forEach((value, name) => (requestHeaders[name] = value));
    signed = await httpbis.signMessage(
      {
        key: signer,
        name: "stopsms-req",
        fields: [...fields, `"signature";req;key="${request.label}"`],
        params: ["created", "keyid", "alg"],
        paramValues: { created },
      },
      { status, headers: signed.headers as Record<string, string> },
      { method: "GET", url: "http://request.invalid/", headers: requestHeaders },
    );
  }
  return signed.headers as Record<string, string>;
}
