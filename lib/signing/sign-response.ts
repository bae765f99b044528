import "server-only";
import { sign } from "node:crypto";
import { httpbis } from "http-message-signatures";
import { contentDigest } from "./digest";
import { platformKey } from "./platform-key";

/**
 * Signs an /api/v1 response (SYNC-PROTOCOL.md "Response signing") so a provider can prove later which
 * list it was given: Content-Digest over the exact bytes, then an Ed25519 signature over
 * ("@status" "content-type" "content-digest").
 */
export async function signResponse(status: number, contentType: string, body: Uint8Array, extraHeaders: Record<string, string> = {}): Promise<Response> {
  const key = platformKey();
  const headers: Record<string, string> = {
    ...extraHeaders,
    "content-type": contentType,
    "content-digest": contentDigest(body),
    "cache-control": "no-store, no-transform",
  };
  const signed = await httpbis.signMessage(
    {
      key: { id: key.keyid, alg: "ed25519", sign: async (data: Buffer) => sign(null, data, key.privateKey) },
      name: "stopsms",
      fields: ["@status", "content-type", "content-digest"],
      params: ["created", "keyid", "alg"],
    },
    { status, headers },
  );
  return new Response(Buffer.from(body), { status, headers: signed.headers as Record<string, string> });
}
