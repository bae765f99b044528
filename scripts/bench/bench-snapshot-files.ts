// A provider's first load through the snapshot files (docs/protocol.md 1.1): the manifest, every file
// downloaded at once (up to 4 in parallel), each hashed as it streams, decompressed and its lines counted,
// its SHA-256 checked against its name and its signature against that digest; then the feed from `at`.
// Beside it, the server's memory while 4 providers download the same files at once.
import { createHash, type KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { createGunzip } from "node:zlib";
import { signRequest } from "@/lib/web/signatures/sign-request";
import { verifyPlatformResponse, verifyResponseToRequest, type Jwks } from "@/lib/web/signatures/verify-response";

type Key = { keyid: string; privateKey: KeyObject };
interface Manifest {
  at: number;
  files: { url: string; sha256: string; entries: number; bytes: number }[];
}

async function signedGet(base: string, key: Key, pathAndQuery: string) {
  const url = `${base}${pathAndQuery}`;
  const headers = await signRequest({ method: "GET", url, ...key });
  return { response: await fetch(url, { headers }), headers };
}

/** Downloads one file as a client does: streamed, hashed, decompressed, lines counted, then verified. */
async function loadFile(base: string, key: Key, jwks: Jwks, file: Manifest["files"][number]): Promise<number> {
  const { response, headers } = await signedGet(base, key, file.url);
  if (!response.ok || !response.body) throw new Error(`${file.url}: HTTP ${response.status}`);
  const hash = createHash("sha256");
  const gunzip = createGunzip();
  let lines = 0;
  gunzip.on("data", (chunk: Buffer) => {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  });
  const done = new Promise<void>((resolve, reject) => gunzip.on("end", resolve).on("error", reject));
  for await (const chunk of Readable.fromWeb(response.body as WebReadableStream<Uint8Array>) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    if (!gunzip.write(chunk)) await new Promise((resolve) => gunzip.once("drain", resolve));
  }
  gunzip.end();
  await done;
  const sha256 = hash.digest();
  if (sha256.toString("hex") !== file.sha256) throw new Error(`${file.url}: SHA-256 mismatch`);
  if (!(await verifyPlatformResponse(response, { sha256 }, jwks))) throw new Error(`${file.url}: bad signature`);
  if (!(await verifyResponseToRequest(response, { sha256 }, jwks, { headers })))
    throw new Error(`${file.url}: not bound to the request`);
  if (lines !== file.entries) throw new Error(`${file.url}: ${lines} lines, manifest says ${file.entries}`);
  return lines;
}

async function manifestOf(base: string, key: Key): Promise<Manifest> {
  const { response } = await signedGet(base, key, "/api/v1/suppressions/snapshot/files");
  if (!response.ok) throw new Error(`manifest: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as Manifest;
}

async function loadAll(base: string, key: Key, jwks: Jwks, manifest: Manifest): Promise<number> {
  const queue = [...manifest.files].sort((a, b) => b.bytes - a.bytes);
  let entries = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let file = queue.shift(); file; file = queue.shift()) {
        const lines = await loadFile(base, key, jwks, file);
        entries += lines;
      }
    }),
  );
  return entries;
}

/** Manifest, files, then the changes after `at` until the feed is caught up. */
export async function firstLoadThroughFiles(base: string, key: Key, jwks: Jwks) {
  const started = performance.now();
  const manifest = await manifestOf(base, key);
  const entries = await loadAll(base, key, jwks, manifest);
  const filesMs = performance.now() - started;
  let after = manifest.at;
  let changes = 0;
  for (;;) {
    const { response } = await signedGet(base, key, `/api/v1/suppressions/changes?after=${after}&limit=10000`);
    const page = (await response.json()) as { changes: unknown[]; next: number; more: boolean };
    changes += page.changes.length;
    after = page.next;
    if (!page.more) break;
  }
  return { entries, changes, files: manifest.files.length, filesMs, ms: performance.now() - started };
}

function rssOf(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) * 1024 : NaN;
}

/** The server's resident memory before and at its peak while `keys.length` providers download at once. */
export async function concurrentDownloadsRss(base: string, keys: Key[], jwks: Jwks, serverPid: number) {
  const before = rssOf(serverPid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssOf(serverPid))), 50);
  try {
    const loads = await Promise.all(keys.map(async (key) => loadAll(base, key, jwks, await manifestOf(base, key))));
    return { before, peak: Math.max(peak, rssOf(serverPid)), entries: loads };
  } finally {
    clearInterval(sampler);
  }
}
