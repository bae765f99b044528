// A client of the platform's provider API (docs/protocol.md): every request signed (RFC 9421), every answer's
// signature checked against the platform's keys and bound to that request. Used by the StopSMS gate and the
// reference sync client.
import { type KeyObject } from "node:crypto";
import { signRequest } from "@/lib/web/signatures/sign-request";
import { verifyPlatformResponse, verifyResponseToRequest, type Jwks } from "@/lib/web/signatures/verify-response";

export interface PlatformCredentials {
  url: string;
  keyid: string;
  key: KeyObject;
  /** 1.2: the gate names itself (`stopsms-gate/<version>`). */
  userAgent?: string;
}

export class PlatformError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export const apiUrl = (credentials: PlatformCredentials, pathAndQuery: string) =>
  `${credentials.url.replace(/\/+$/, "")}/api/v1${pathAndQuery}`;

/** The platform's public keys (JWKS), read once per client. */
export async function readPlatformKeys(credentials: PlatformCredentials): Promise<Jwks> {
  const response = await fetch(`${credentials.url.replace(/\/+$/, "")}/.well-known/stopsms-keys.json`, {
    headers: credentials.userAgent ? { "user-agent": credentials.userAgent } : {},
  });
  if (!response.ok) throw new PlatformError(`cannot read the platform keys: HTTP ${response.status}`);
  return (await response.json()) as Jwks;
}

/**
 * A signed request: a fresh signature (new nonce, new created) on every attempt; a 429 is waited out
 * (`onWait` says so). The answer is returned unread, with the request's headers for binding it.
 */
export async function signedFetch(
  credentials: PlatformCredentials,
  method: "GET" | "POST",
  pathAndQuery: string,
  body?: unknown,
  onWait: (seconds: number) => void = () => undefined,
): Promise<{ response: Response; headers: Record<string, string> }> {
  const url = apiUrl(credentials, pathAndQuery);
  const text = body === undefined ? undefined : JSON.stringify(body);
  for (;;) {
    const headers = await signRequest({
      method,
      url,
      body: text,
      keyid: credentials.keyid,
      privateKey: credentials.key,
    });
    const response = await fetch(url, {
      method,
      headers: credentials.userAgent ? { ...headers, "user-agent": credentials.userAgent } : headers,
      body: text,
    });
    if (response.status !== 429) return { response, headers };
    await response.arrayBuffer();
    const seconds = Number(response.headers.get("retry-after") ?? 5);
    onWait(seconds);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  }
}

/** The answer's JSON once both signatures check out; a problem as a PlatformError carrying its code. */
export async function checkedJson(
  response: Response,
  body: Uint8Array,
  jwks: Jwks,
  headers: Record<string, string>,
  pathAndQuery: string,
): Promise<unknown> {
  if (!(await verifyPlatformResponse(response, body, jwks)))
    throw new PlatformError(`response to ${pathAndQuery} is not signed by a platform key: refusing it`);
  // 1.1: the answer must be the answer to this very request (bound to its signature and nonce).
  if (!(await verifyResponseToRequest(response, body, jwks, { headers })))
    throw new PlatformError(`response to ${pathAndQuery} is not bound to this request (stopsms-req): refusing it`);
  const json = JSON.parse(Buffer.from(body).toString("utf8"));
  if (!response.ok)
    throw new PlatformError(
      `${pathAndQuery}: ${response.status} ${json.code ?? ""} ${json.detail ?? json.title ?? ""}`,
      json.code,
      response.status,
    );
  return json;
}

/** signedFetch then checkedJson. */
export async function signedCall(
  credentials: PlatformCredentials,
  jwks: Jwks,
  method: "GET" | "POST",
  pathAndQuery: string,
  body?: unknown,
  onWait?: (seconds: number) => void,
): Promise<unknown> {
  const { response, headers } = await signedFetch(credentials, method, pathAndQuery, body, onWait);
  return checkedJson(response, new Uint8Array(await response.arrayBuffer()), jwks, headers, pathAndQuery);
}
