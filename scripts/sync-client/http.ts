// The reference client's signed calls: each request signed (RFC 9421), each answer's signature verified.
import { type KeyObject } from "node:crypto";
import { PlatformError, signedCall } from "@/lib/web/platform-client/signed-call";
import { type Jwks } from "@/lib/web/signatures/verify-response";

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

/** A refusal from the platform or of its answer (`code`: the problem's code, e.g. cursor-ahead). */
export { PlatformError as SyncError };

/** The third column is the sender, or the list source of a 1.2 `source` entry; "-" for scope all. */
export const line = (e: { phone: string; scope: string; sender: string | null; source?: string | null }) =>
  `${e.phone}\t${e.scope}\t${e.sender ?? e.source ?? "-"}`;

export const progress = (text: string) => process.stderr.write(`\r\x1b[K${text}`);

/** A signed GET whose answer's signatures are checked; a 429 is waited out and said. */
export async function call(options: Options, jwks: Jwks, pathAndQuery: string): Promise<unknown> {
  return signedCall(options, jwks, "GET", pathAndQuery, undefined, (seconds) =>
    progress(`rate-limited: waiting ${seconds} s`),
  );
}
