// First load through the snapshot files (docs/protocol.md 1.1), shared by the gate and the sync client.
import { createHash } from "node:crypto";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { createGunzip } from "node:zlib";
import { verifyPlatformResponse, verifyResponseToRequest, type Jwks } from "@/lib/web/signatures/verify-response";
import { checkedJson, PlatformError, signedCall, signedFetch, type PlatformCredentials } from "./signed-call";

export interface SnapshotEntry {
  phone: string;
  scope: string;
  sender: string | null;
  /** Only on a 1.2 `source` entry. */
  source?: string | null;
}

interface Manifest {
  at: number;
  files: { scope: string; sender: string | null; url: string; sha256: string; entries: number; bytes: number }[];
}

/**
 * Each file streamed, hashed as it arrives, its SHA-256 checked against its name and the manifest and its
 * signatures against that digest, before any of its entries is handed to `onFile`. Null when the platform has
 * none ready (or predates them): the paged snapshot does the same job, slower.
 */
export async function loadSnapshotFiles(
  credentials: PlatformCredentials,
  jwks: Jwks,
  onFile: (entries: SnapshotEntry[]) => void,
): Promise<{ at: number } | null> {
  let manifest: Manifest;
  try {
    manifest = (await signedCall(credentials, jwks, "GET", "/suppressions/snapshot/files")) as Manifest;
  } catch (error) {
    if (error instanceof PlatformError && ["snapshot-files-not-ready", "not-found"].includes(error.code ?? ""))
      return null;
    throw error;
  }
  for (const file of manifest.files) {
    const pathAndQuery = file.url.replace(/^\/api\/v1/, "");
    if (
      !/^\/suppressions\/snapshot\/files\/[0-9a-f]{64}\.ndjson\.gz$/.test(pathAndQuery) ||
      !file.url.includes(file.sha256)
    )
      throw new PlatformError(`snapshot file ${file.url}: not a file name this protocol defines: refusing it`);
    const { response, headers } = await signedFetch(credentials, "GET", pathAndQuery);
    if (!response.ok || !response.body)
      return (await checkedJson(
        response,
        new Uint8Array(await response.arrayBuffer()),
        jwks,
        headers,
        pathAndQuery,
      )) as never;
    const hash = createHash("sha256");
    const source = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
    source.on("data", (chunk: Buffer) => hash.update(chunk));
    const entries: SnapshotEntry[] = [];
    for await (const text of createInterface({ input: source.pipe(createGunzip()), crlfDelay: Infinity }))
      if (text) entries.push(JSON.parse(text) as SnapshotEntry);
    const sha256 = hash.digest();
    if (sha256.toString("hex") !== file.sha256)
      throw new PlatformError(`snapshot file ${file.sha256}: its bytes do not have that SHA-256: refusing it`);
    if (
      !(await verifyPlatformResponse(response, { sha256 }, jwks)) ||
      !(await verifyResponseToRequest(response, { sha256 }, jwks, { headers }))
    )
      throw new PlatformError(
        `snapshot file ${file.sha256} is not signed by a platform key for this request: refusing it`,
      );
    if (entries.length !== file.entries)
      throw new PlatformError(
        `snapshot file ${file.sha256}: ${entries.length} entries, the manifest says ${file.entries}`,
      );
    onFile(entries);
  }
  return { at: manifest.at };
}
