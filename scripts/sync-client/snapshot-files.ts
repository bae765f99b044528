// The reference client's list on disk, and its first load through the snapshot files (docs/protocol.md 1.1).
import { createHash } from "node:crypto";
import { readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { createGunzip } from "node:zlib";
import { verifyPlatformResponse, verifyResponseToRequest, type Jwks } from "@/lib/web/signatures/verify-response";
import { State, Options, SyncError, line, progress, signedGet, call, checked } from "@/scripts/sync-client/http";

export interface Manifest {
  at: number;
  files: { scope: string; sender: string | null; url: string; sha256: string; entries: number; bytes: number }[];
}

/**
 * First load through the snapshot files (1.1) when the platform offers them: each file streamed, hashed
 * as it arrives, its SHA-256 checked against its name and the manifest and its signatures against that
 * digest, before any of its entries joins the list. Null when the platform has none ready (or predates
 * them): the paged snapshot does the same job, slower.
 */
export async function loadFromFiles(options: Options, jwks: Jwks): Promise<{ at: number; list: Set<string> } | null> {
  let manifest: Manifest;
  try {
    manifest = (await call(options, jwks, "/suppressions/snapshot/files")) as Manifest;
  } catch (error) {
    if (error instanceof SyncError && ["snapshot-files-not-ready", "not-found"].includes(error.code ?? "")) return null;
    throw error;
  }
  const list = new Set<string>();
  for (const file of manifest.files) {
    const pathAndQuery = file.url.replace(/^\/api\/v1/, "");
    if (
      !/^\/suppressions\/snapshot\/files\/[0-9a-f]{64}\.ndjson\.gz$/.test(pathAndQuery) ||
      !file.url.includes(file.sha256)
    )
      throw new SyncError(`snapshot file ${file.url}: not a file name this protocol defines: refusing it`);
    const { response, headers } = await signedGet(options, pathAndQuery);
    if (!response.ok || !response.body)
      return (await checked(
        response,
        new Uint8Array(await response.arrayBuffer()),
        jwks,
        headers,
        pathAndQuery,
      )) as never;
    const hash = createHash("sha256");
    const source = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
    source.on("data", (chunk: Buffer) => hash.update(chunk));
    const entries: string[] = [];
    for await (const text of createInterface({ input: source.pipe(createGunzip()), crlfDelay: Infinity }))
      if (text) entries.push(line(JSON.parse(text) as { phone: string; scope: string; sender: string | null }));
    const sha256 = hash.digest();
    if (sha256.toString("hex") !== file.sha256)
      throw new SyncError(`snapshot file ${file.sha256}: its bytes do not have that SHA-256: refusing it`);
    if (
      !(await verifyPlatformResponse(response, { sha256 }, jwks)) ||
      !(await verifyResponseToRequest(response, { sha256 }, jwks, { headers }))
    )
      throw new SyncError(`snapshot file ${file.sha256} is not signed by a platform key for this request: refusing it`);
    if (entries.length !== file.entries)
      throw new SyncError(`snapshot file ${file.sha256}: ${entries.length} entries, the manifest says ${file.entries}`);
    for (const entry of entries) list.add(entry);
    progress(`snapshot files: ${list.size} entries`);
  }
  return { at: manifest.at, list };
}

export async function loadState(out: string): Promise<{ state: State | null; list: Set<string> }> {
  try {
    const state = JSON.parse(await readFile(path.join(out, "state.json"), "utf8")) as State;
    const text = await readFile(path.join(out, "suppressions.tsv"), "utf8").catch(() => "");
    return { state, list: new Set(text.split("\n").filter(Boolean)) };
  } catch {
    return { state: null, list: new Set() };
  }
}

/** List first, then state, each through a rename: a crash never leaves a cursor ahead of its list. */
export async function save(out: string, state: State, list: Set<string>): Promise<void> {
  const listFile = path.join(out, "suppressions.tsv");
  await writeFile(`${listFile}.tmp`, [...list].sort().join("\n") + (list.size ? "\n" : ""));
  await rename(`${listFile}.tmp`, listFile);
  await writeFile(path.join(out, "state.json.tmp"), JSON.stringify(state, null, 2));
  await rename(path.join(out, "state.json.tmp"), path.join(out, "state.json"));
}
