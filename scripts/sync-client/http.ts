// The reference client's signed calls: each request signed (RFC 9421), each answer's signature verified.
import { type KeyObject } from "node:crypto";
import { signRequest } from "@/lib/web/signatures/sign-request";
import { verifyPlatformResponse, verifyResponseToRequest, type Jwks } from "@/lib/web/signatures/verify-response";

export interface TreeHead {
  size: number;
  root: string;
  at: string;
}

export interface State {
  version: 1;
  phase: "snapshot" | "changes";
  at: number;
  cursor: string | null;
  next: number;
  /** The last tree head this client checked: the next one must extend it. */
  tree_head?: TreeHead;
}

export interface Options {
  url: string;
  keyid: string;
  key: KeyObject;
  out: string;
}

export class SyncError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export const line = (e: { phone: string; scope: string; sender: string | null }) =>
  `${e.phone}\t${e.scope}\t${e.sender ?? "-"}`;

export const progress = (text: string) => process.stderr.write(`\r\x1b[K${text}`);

/** A signed GET: a fresh signature (new nonce, new created) on every attempt; a 429 is waited out. */
export async function signedGet(
  options: Options,
  pathAndQuery: string,
): Promise<{ response: Response; headers: Record<string, string> }> {
  const url = `${options.url.replace(/\/+$/, "")}/api/v1${pathAndQuery}`;
  for (;;) {
    const headers = await signRequest({ method: "GET", url, keyid: options.keyid, privateKey: options.key });
    const response = await fetch(url, { headers });
    if (response.status !== 429) return { response, headers };
    const seconds = Number(response.headers.get("retry-after") ?? 5);
    progress(`rate-limited: waiting ${seconds} s`);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  }
}

export async function call(options: Options, jwks: Jwks, pathAndQuery: string): Promise<unknown> {
  const { response, headers } = await signedGet(options, pathAndQuery);
  return checked(response, new Uint8Array(await response.arrayBuffer()), jwks, headers, pathAndQuery);
}

/** The answer's JSON once both signatures check out; a problem as a SyncError carrying its code. */
export async function checked(
  response: Response,
  body: Uint8Array,
  jwks: Jwks,
  headers: Record<string, string>,
  pathAndQuery: string,
): Promise<unknown> {
  if (!(await verifyPlatformResponse(response, body, jwks))) {
    throw new SyncError(`response to ${pathAndQuery} is not signed by a platform key: refusing it`);
  }
  // 1.1: the answer must be the answer to this very request (bound to its signature and nonce).
  if (!(await verifyResponseToRequest(response, body, jwks, { headers }))) {
    throw new SyncError(`response to ${pathAndQuery} is not bound to this request (stopsms-req): refusing it`);
  }
  const json = JSON.parse(Buffer.from(body).toString("utf8"));
  if (!response.ok)
    throw new SyncError(
      `${pathAndQuery}: ${response.status} ${json.code ?? ""} ${json.detail ?? json.title ?? ""}`,
      json.code,
    );
  return json;
}
