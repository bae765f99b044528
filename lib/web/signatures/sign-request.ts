import { randomBytes, sign, type KeyObject } from "node:crypto";
import { httpbis } from "http-message-signatures";
import { contentDigest } from "@/lib/signing/digest";

// The provider's side of docs/protocol.md "Request signing", used by the reference client, the tests and
// the examples on /developers. Nothing here is secret to the platform: providers run this code.

export interface SignRequestInput {
  method: string;
  url: string;
  body?: Uint8Array | string;
  keyid: string;
  privateKey: KeyObject;
  created?: Date;
  nonce?: string;
}

/** Headers to send: Signature-Input, Signature and, with a body, Content-Digest (+ Content-Type). */
export async function signRequest(input: SignRequestInput): Promise<Record<string, string>> {
  const body = typeof input.body === "string" ? Buffer.from(input.body) : input.body;
  const headers: Record<string, string> = {};
  const fields = ["@method", "@path", "@query"];
  if (body && body.length > 0) {
    headers["content-type"] = "application/json";
    headers["content-digest"] = contentDigest(body);
    fields.push("content-digest");
  }
  const signed = await httpbis.signMessage(
    {
      key: { id: input.keyid, alg: "ed25519", sign: async (data: Buffer) => sign(null, data, input.privateKey) },
      name: "sig1",
      fields,
      params: ["created", "keyid", "nonce", "alg"],
      paramValues: {
        created: input.created ?? new Date(),
        nonce: input.nonce ?? randomBytes(16).toString("base64url"),
      },
    },
    { method: input.method.toUpperCase(), url: input.url, headers },
  );
  return signed.headers as Record<string, string>;
}
