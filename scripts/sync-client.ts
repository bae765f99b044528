// Reference StopSMS sync client (docs/protocol.md 1.1): what a provider runs to keep its suppression list.
//   npm run sync-client -- --url https://stopsms.ma --keyid acme-telecom-2026-01 --key key.pem --out ./stopsms [--watch] [--interval 60]
// Loads a snapshot, then follows the change feed; verifies every response signature against the JWKS;
// keeps its cursor in <out>/state.json (resumable) and writes the list in force to <out>/suppressions.tsv,
// sorted, one "phone<TAB>scope<TAB>sender" line per opposition ("-" as sender for scope all).
// Transparency log (1.1): recomputes the leaf of every change it applies, proves the newest one is in the
// signed tree head, and proves that tree head consistent with the one it kept from its previous run. A
// leaf or proof that does not check out stops the run; a log that no longer extends the one it saw before
// (a restore from an older backup) is said out loud, its old tree head kept in <out>/evidence/ for the
// regulator (`npm run admin -- log:verify --tree-head <file>`), and the list rebuilt from a snapshot.
import { createHash, createPrivateKey, type KeyObject } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { parseArgs } from "node:util";
import { createGunzip } from "node:zlib";
import { signRequest } from "@/lib/web/signatures/sign-request";
import { changeLeafHash, type LoggedChange } from "@/lib/transparency-log/leaf-data";
import { fromBase64Url, verifyConsistency, verifyInclusion } from "@/lib/transparency-log/merkle";
import { verifyPlatformResponse, verifyResponseToRequest, type Jwks } from "@/lib/web/signatures/verify-response";

interface TreeHead {
  size: number;
  root: string;
  at: string;
}

interface State {
  version: 1;
  phase: "snapshot" | "changes";
  at: number;
  cursor: string | null;
  next: number;
  /** The last tree head this client checked: the next one must extend it. */
  tree_head?: TreeHead;
}

interface Options {
  url: string;
  keyid: string;
  key: KeyObject;
  out: string;
}

class SyncError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

const line = (e: { phone: string; scope: string; sender: string | null }) =>
  `${e.phone}\t${e.scope}\t${e.sender ?? "-"}`;
const progress = (text: string) => process.stderr.write(`\r\x1b[K${text}`);

/** A signed GET: a fresh signature (new nonce, new created) on every attempt; a 429 is waited out. */
async function signedGet(
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

async function call(options: Options, jwks: Jwks, pathAndQuery: string): Promise<unknown> {
  const { response, headers } = await signedGet(options, pathAndQuery);
  return checked(response, new Uint8Array(await response.arrayBuffer()), jwks, headers, pathAndQuery);
}

/** The answer's JSON once both signatures check out; a problem as a SyncError carrying its code. */
async function checked(
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

interface Manifest {
  at: number;
  files: { scope: string; sender: string | null; url: string; sha256: string; entries: number; bytes: number }[];
}

/**
 * First load through the snapshot files (1.1) when the platform offers them: each file streamed, hashed
 * as it arrives, its SHA-256 checked against its name and the manifest and its signatures against that
 * digest, before any of its entries joins the list. Null when the platform has none ready (or predates
 * them): the paged snapshot does the same job, slower.
 */
async function loadFromFiles(options: Options, jwks: Jwks): Promise<{ at: number; list: Set<string> } | null> {
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

async function loadState(out: string): Promise<{ state: State | null; list: Set<string> }> {
  try {
    const state = JSON.parse(await readFile(path.join(out, "state.json"), "utf8")) as State;
    const text = await readFile(path.join(out, "suppressions.tsv"), "utf8").catch(() => "");
    return { state, list: new Set(text.split("\n").filter(Boolean)) };
  } catch {
    return { state: null, list: new Set() };
  }
}

/** List first, then state, each through a rename: a crash never leaves a cursor ahead of its list. */
async function save(out: string, state: State, list: Set<string>): Promise<void> {
  const listFile = path.join(out, "suppressions.tsv");
  await writeFile(`${listFile}.tmp`, [...list].sort().join("\n") + (list.size ? "\n" : ""));
  await rename(`${listFile}.tmp`, listFile);
  await writeFile(path.join(out, "state.json.tmp"), JSON.stringify(state, null, 2));
  await rename(path.join(out, "state.json.tmp"), path.join(out, "state.json"));
}

/**
 * One run. When the platform answers 409 cursor-ahead (its feed is behind the stored cursor) or shows a
 * tree head that does not extend the one kept from the previous run, it was restored from an older
 * backup: the local list may hold changes the platform no longer has, so it is thrown away and rebuilt
 * from a snapshot, once per run.
 */
export async function syncOnce(
  options: Options,
): Promise<{ entries: number; next: number; rebuilt: boolean; treeHead: TreeHead | null }> {
  try {
    return { ...(await syncFromState(options)), rebuilt: false };
  } catch (error) {
    if (!(error instanceof SyncError && (error.code === "cursor-ahead" || error.code === "log-diverged"))) throw error;
    process.stderr.write(
      `\n${error.message}: the platform was restored from an older backup? Rebuilding from a snapshot\n`,
    );
    await keepEvidence(options.out);
    await rm(path.join(options.out, "state.json"), { force: true });
    return { ...(await syncFromState(options)), rebuilt: true };
  }
}

/** Keeps the last tree head the platform signed before it went back in time: proof for the regulator. */
async function keepEvidence(out: string): Promise<void> {
  const { state } = await loadState(out);
  if (!state?.tree_head) return;
  await mkdir(path.join(out, "evidence"), { recursive: true });
  const file = path.join(out, "evidence", `tree-head-${state.tree_head.size}-${Date.now()}.json`);
  await writeFile(file, JSON.stringify(state.tree_head, null, 2));
  process.stderr.write(`the tree head it showed before is kept in ${file}\n`);
}

/**
 * The 1.1 log checks of one run: the newest applied change is in the signed tree head (its leaf recomputed
 * from the data received), and that tree head extends the one kept from the previous run.
 */
async function checkLog(
  options: Options,
  jwks: Jwks,
  newest: { change: LoggedChange; leaf: Buffer } | null,
  previous: TreeHead | undefined,
): Promise<TreeHead> {
  const head = (await call(options, jwks, "/log/tree-head")) as TreeHead;
  if (newest) {
    const index = Number(newest.change.index);
    const proof = (await call(options, jwks, `/log/inclusion?index=${index}&size=${head.size}`)) as {
      leaf: string;
      path: string[];
    };
    if (proof.leaf !== newest.leaf.toString("base64url"))
      throw new SyncError(
        `change seq ${newest.change.seq} (log index ${index}): the data received does not give the leaf the log holds: refusing it`,
      );
    if (!verifyInclusion(index, head.size, newest.leaf, proof.path.map(fromBase64Url), fromBase64Url(head.root))) {
      throw new SyncError(
        `change seq ${newest.change.seq} (log index ${index}) is not proven to be in the signed tree head of size ${head.size}: refusing it`,
      );
    }
  }
  if (previous && previous.size > 0) {
    if (head.size < previous.size)
      throw new SyncError(
        `the platform's log has ${head.size} entries, fewer than the ${previous.size} it signed before`,
        "log-diverged",
      );
    const proof = (await call(options, jwks, `/log/consistency?from=${previous.size}&to=${head.size}`)) as {
      path: string[];
    };
    if (
      !verifyConsistency(
        previous.size,
        head.size,
        fromBase64Url(previous.root),
        fromBase64Url(head.root),
        proof.path.map(fromBase64Url),
      )
    ) {
      throw new SyncError(
        `the platform's tree head of size ${head.size} does not extend the one of size ${previous.size} it signed before`,
        "log-diverged",
      );
    }
  }
  return head;
}

async function syncFromState(options: Options): Promise<{ entries: number; next: number; treeHead: TreeHead }> {
  await mkdir(options.out, { recursive: true });
  const jwksResponse = await fetch(`${options.url.replace(/\/+$/, "")}/.well-known/stopsms-keys.json`);
  if (!jwksResponse.ok) throw new SyncError(`cannot read the platform keys: HTTP ${jwksResponse.status}`);
  const jwks = (await jwksResponse.json()) as Jwks;
  let { state, list } = await loadState(options.out);
  const fromFiles = state ? null : await loadFromFiles(options, jwks);
  if (fromFiles) {
    list = fromFiles.list;
    state = { version: 1, phase: "changes", at: fromFiles.at, cursor: null, next: fromFiles.at };
    await save(options.out, state, list);
  }
  if (!state || state.phase === "snapshot") {
    if (!state) list = new Set();
    let cursor = state?.cursor ?? null;
    let at = state?.at ?? 0;
    let pages = 0;
    do {
      const page = (await call(
        options,
        jwks,
        `/suppressions/snapshot?limit=50000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      )) as {
        at: number;
        entries: { phone: string; scope: string; sender: string | null }[];
        cursor: string | null;
      };
      if (pages++ === 0 && !cursor) at = page.at;
      for (const entry of page.entries) list.add(line(entry));
      cursor = page.cursor;
      progress(`snapshot: ${list.size} entries, page ${pages}`);
      if (cursor) await save(options.out, { version: 1, phase: "snapshot", at, cursor, next: at }, list);
    } while (cursor);
    state = { version: 1, phase: "changes", at, cursor: null, next: at };
    await save(options.out, state, list);
  }
  // Each page is proven before it is saved: the list on disk only ever holds changes the log vouches for.
  let more = true;
  let newest: { change: LoggedChange; leaf: Buffer } | null = null;
  while (more) {
    const page = (await call(options, jwks, `/suppressions/changes?after=${state.next}&limit=10000`)) as {
      changes: LoggedChange[];
      next: number;
      more: boolean;
      head: number;
    };
    const apply: [string, boolean][] = [];
    for (const change of page.changes) {
      if (typeof change.index !== "number" || typeof change.salt !== "string")
        throw new SyncError(
          `change seq ${change.seq} carries no log index or salt (a platform older than 1.1?): refusing it`,
        );
      if (newest && change.index <= newest.change.index)
        throw new SyncError(
          `change seq ${change.seq}: log index ${change.index} does not follow ${newest.change.index}: refusing it`,
        );
      newest = { change, leaf: changeLeafHash(change) };
      apply.push([line(change), change.op === "add"]);
    }
    const treeHead = await checkLog(options, jwks, page.changes.length > 0 ? newest : null, state.tree_head);
    for (const [entry, add] of apply) {
      if (add) list.add(entry);
      else list.delete(entry);
    }
    state = { ...state, next: page.next, tree_head: treeHead };
    more = page.more;
    progress(`changes: seq ${page.next} of ${page.head}, ${list.size} in force, log of ${treeHead.size} proven`);
    await save(options.out, state, list);
  }
  process.stderr.write("\n");
  return { entries: list.size, next: state.next, treeHead: state.tree_head! };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      url: { type: "string" },
      keyid: { type: "string" },
      key: { type: "string" },
      out: { type: "string" },
      watch: { type: "boolean", default: false },
      interval: { type: "string", default: "60" },
    },
    strict: true,
  });
  if (!values.url || !values.keyid || !values.key || !values.out) {
    console.error(
      "Usage: npm run sync-client -- --url <platform url> --keyid <keyid> --key <pkcs8.pem> --out <dir> [--watch] [--interval <seconds>]",
    );
    return 2;
  }
  const options: Options = {
    url: values.url,
    keyid: values.keyid,
    key: createPrivateKey(await readFile(values.key, "utf8")),
    out: values.out,
  };
  for (;;) {
    try {
      const { entries, next, treeHead } = await syncOnce(options);
      console.log(
        `in force: ${entries} · cursor: ${next} · log: ${treeHead?.size ?? 0} entries, proven · list: ${path.join(options.out, "suppressions.tsv")}`,
      );
    } catch (error) {
      console.error(`\nsync failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!values.watch) return 1;
    }
    if (!values.watch) return 0;
    await new Promise((resolve) => setTimeout(resolve, Number(values.interval) * 1000));
  }
}

if (process.argv[1]?.endsWith("sync-client.ts")) {
  main().then((code) => process.exit(code));
}
