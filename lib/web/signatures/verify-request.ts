import "server-only";
import { createPublicKey, verify as verifySignature } from "node:crypto";
import { httpbis } from "http-message-signatures";
import { Token, parseDictionary, type Dictionary } from "structured-headers";
import { db } from "@/lib/db/client";
import { problems } from "@/lib/problems";
import { digestMatches } from "@/lib/signing/digest";
import { claimNonce } from "@/lib/signing/nonce-store";

export const CLOCK_SKEW_SECONDS = 300;

export interface VerifiedCaller {
  providerId: number;
  providerSlug: string;
  /** provider | operator (operators may also report number events). */
  providerKind: string;
  keyid: string;
}

export interface IncomingRequest {
  method: string;
  url: string;
  headers: Headers;
  body: Uint8Array;
}

/** The label of a request's single signature, when its Signature-Input and Signature both carry it. */
export function requestSignatureLabel(headers: Headers): string | null {
  try {
    const inputs = parseDictionary(headers.get("signature-input") ?? "");
    const signatures = parseDictionary(headers.get("signature") ?? "");
    const [label] = [...inputs.keys()];
    return inputs.size === 1 && label !== undefined && signatures.has(label) ? label : null;
  } catch {
    return null;
  }
}

/** What the headers alone proved: the key, the signature over the covered components, the clock. */
export interface SignatureChecked {
  caller: VerifiedCaller;
  nonce: string;
  covered: string[];
  providerActive: boolean;
}

/**
 * Checks a provider request against docs/protocol.md "Request signing", in an order that gives each
 * failure its own code: missing → malformed/incomplete → clock → key → signature → digest → replay.
 * The nonce is claimed only after the signature is proven, so nobody can burn a provider's nonces.
 * Records what it learnt (keyid, provider) in `seen` even when refusing, for the access log.
 */
export async function verifyProviderRequest(
  request: IncomingRequest,
  seen: { keyid?: string; providerId?: number } = {},
): Promise<VerifiedCaller> {
  const checked = await verifyRequestSignature(request, seen);
  return completeRequestVerification(checked, request.headers, request.body);
}

/**
 * The part of the verification that needs no body: the signature covers the Content-Digest *header*,
 * not the body, so a request from anyone without a registered private key is refused before a single
 * body byte is read (a body can be hundreds of megabytes).
 */
export async function verifyRequestSignature(
  request: Omit<IncomingRequest, "body">,
  seen: { keyid?: string; providerId?: number } = {},
): Promise<SignatureChecked> {
  const inputHeader = request.headers.get("signature-input");
  const signatureHeader = request.headers.get("signature");
  if (!inputHeader || !signatureHeader)
    throw problems.signatureMissing("Signature-Input and Signature headers are required");

  let inputs: Dictionary;
  let signatures: Dictionary;
  try {
    inputs = parseDictionary(inputHeader);
    signatures = parseDictionary(signatureHeader);
  } catch {
    throw problems.signatureInvalid("Signature-Input or Signature is not a valid structured field");
  }
  if (inputs.size !== 1) throw problems.signatureInvalid("exactly one signature is expected");
  const [label, input] = [...inputs.entries()][0]!;
  const signature = signatures.get(label);
  if (!Array.isArray(input[0]) || !signature || !(signature[0] instanceof ArrayBuffer)) {
    throw problems.signatureInvalid(`no usable signature labelled ${label}`);
  }
  const params = input[1];
  const keyid = params.get("keyid");
  const created = params.get("created");
  const nonce = params.get("nonce");
  const alg = params.get("alg");
  if (typeof keyid !== "string") throw problems.signatureInvalid("keyid parameter missing");
  seen.keyid = keyid;
  if (typeof created !== "number" || !Number.isInteger(created))
    throw problems.signatureInvalid("created parameter missing");
  if (typeof nonce !== "string" || nonce.length < 16)
    throw problems.signatureInvalid("nonce parameter missing or shorter than 16 characters");
  if (alg !== undefined && !(alg === "ed25519" || (alg instanceof Token && alg.toString() === "ed25519"))) {
    throw problems.signatureInvalid('alg must be "ed25519"');
  }
  const covered = (input[0] as [unknown, unknown][]).map(([name]) => String(name));
  const required = ["@method", "@path", "@query"]; // and content-digest when there is a body: checked once it is read
  const missing = required.filter((c) => !covered.includes(c));
  if (missing.length > 0) throw problems.signatureInvalid(`signature must cover ${missing.join(" ")}`);

  if (Math.abs(Date.now() / 1000 - created) > CLOCK_SKEW_SECONDS) {
    throw problems.signatureExpired(
      `created must be within ${CLOCK_SKEW_SECONDS} s of the server clock (now ${Math.floor(Date.now() / 1000)})`,
    );
  }

  const key = await db().providerKey.findUnique({ where: { keyid }, include: { provider: true } });
  if (!key || key.revokedAt) throw problems.unknownKey(`no active key ${keyid}`);
  seen.providerId = key.providerId;
  const publicKey = createPublicKey(key.publicKeyPem);

  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  let valid = false;
  try {
    valid =
      (await httpbis.verifyMessage(
        {
          // Our own clock check above is the one that counts; the library must not apply a stricter one.
          tolerance: CLOCK_SKEW_SECONDS + 5,
          async keyLookup() {
            return {
              id: keyid,
              algs: ["ed25519"],
              verify: async (data: Buffer, sig: Buffer) => verifySignature(null, data, publicKey, sig),
            };
          },
        },
        { method: request.method, url: request.url, headers },
      )) === true;
  } catch {
    valid = false;
  }
  if (!valid) throw problems.signatureInvalid("the signature does not verify with the registered key");
  return {
    caller: { providerId: key.providerId, providerSlug: key.provider.slug, providerKind: key.provider.kind, keyid },
    nonce,
    covered,
    providerActive: key.provider.status === "active",
  };
}

/** The rest, once the (bounded) body is read: digest, then replay, then the provider's standing. */
export async function completeRequestVerification(
  checked: SignatureChecked,
  headers: Headers,
  body: Uint8Array,
): Promise<VerifiedCaller> {
  if (body.length > 0) {
    if (!checked.covered.includes("content-digest"))
      throw problems.signatureInvalid("signature must cover content-digest");
    if (!digestMatches(headers.get("content-digest"), body)) throw problems.digestMismatch();
  }
  if (!(await claimNonce(checked.caller.keyid, checked.nonce))) throw problems.replayed();
  if (!checked.providerActive) throw problems.forbidden("this provider is suspended");
  return checked.caller;
}
