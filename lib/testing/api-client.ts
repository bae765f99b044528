import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { db } from "@/lib/db/client";
import { signRequest } from "@/lib/web/signatures/sign-request";
import { createProvider, createSender, uniqueSlug } from "./fixtures";

export type RouteHandler = (request: Request) => Response | Promise<Response>;

export interface TestProvider {
  id: number;
  slug: string;
  keyid: string;
  privateKey: KeyObject;
  senders: { id: number; code: string }[];
}

/** A provider with a registered Ed25519 key and its own senders. */
export async function createApiProvider(senderCount = 1): Promise<TestProvider> {
  const senders = [];
  for (let i = 0; i < senderCount; i++) senders.push(await createSender());
  const provider = await createProvider(senders.map((s) => s.id));
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const keyid = `${provider.slug}-k1`;
  await db().providerKey.create({
    data: {
      keyid,
      providerId: provider.id,
      publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    },
  });
  return {
    id: provider.id,
    slug: provider.slug,
    keyid,
    privateKey,
    senders: senders.map(({ id, code }) => ({ id, code })),
  };
}

export interface CallOptions {
  method?: string;
  path: string;
  body?: unknown;
  rawBody?: string;
  created?: Date;
  nonce?: string;
  /** Changes the request after signing (tampering tests). */
  tamper?: (request: { url: string; headers: Record<string, string>; body?: string }) => void;
}

export async function signedCall(
  handler: RouteHandler,
  provider: Pick<TestProvider, "keyid" | "privateKey">,
  options: CallOptions,
) {
  const method = options.method ?? (options.body !== undefined || options.rawBody !== undefined ? "POST" : "GET");
  const url = `http://stopsms.test/api/v1${options.path}`;
  const body = options.rawBody ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined);
  const headers = await signRequest({
    method,
    url,
    body,
    keyid: provider.keyid,
    privateKey: provider.privateKey,
    created: options.created,
    nonce: options.nonce,
  });
  const parts = { url, headers: { ...headers }, body };
  options.tamper?.(parts);
  const response = await handler(new Request(parts.url, { method, headers: parts.headers, body: parts.body }));
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = Buffer.from(bytes).toString("utf8");
  return { response, bytes, json: text ? JSON.parse(text) : undefined };
}

export { uniqueSlug };

/** An operator (number events) owning exactly the given numbers, one ANRT range each. */
export async function createApiOperator(phones: string[] = []): Promise<TestProvider> {
  const operator = await createApiProvider(0);
  await db().provider.update({ where: { id: operator.id }, data: { kind: "operator" } });
  if (phones.length > 0)
    await db().providerNumberRange.createMany({
      data: phones.map((phone) => ({ providerId: operator.id, firstNumber: phone, lastNumber: phone })),
    });
  return operator;
}
