import { createPrivateKey, randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { signRequest } from "@/lib/web/signatures/sign-request";
import { registerProvider } from "./fixtures";

/** A provider registered for a sender of its own, with its private key (written under `dir`) to sign calls. */
export async function providerWithKey(dir: string, name: string) {
  const keyFile = path.join(dir, `${name}.pem`);
  const slug = `${name}-${randomBytes(3).toString("hex")}`;
  const sender = `brand-${randomBytes(3).toString("hex")}`;
  const { keyid } = registerProvider(slug, sender, keyFile);
  return { slug, sender, keyid, privateKey: createPrivateKey(await readFile(keyFile, "utf8")) };
}
export type SignedProvider = Awaited<ReturnType<typeof providerWithKey>>;

/** One signed call to the provider API, as an outside client makes it. */
export async function signed(
  request: APIRequestContext,
  baseURL: string,
  who: SignedProvider,
  method: "GET" | "POST",
  pathAndQuery: string,
  body?: unknown,
) {
  const url = `${baseURL}/api/v1${pathAndQuery}`;
  const text = body === undefined ? undefined : JSON.stringify(body);
  const headers = await signRequest({ method, url, body: text, keyid: who.keyid, privateKey: who.privateKey });
  return method === "GET" ? request.get(url, { headers }) : request.post(url, { headers, data: text });
}
