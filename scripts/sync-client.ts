// Reference StopSMS sync client (SYNC-PROTOCOL.md v1): what a provider runs to keep its suppression list.
//   npm run sync-client -- --url https://stopsms.ma --keyid acme-telecom-2026-01 --key key.pem --out ./stopsms [--watch] [--interval 60]
// Loads a snapshot, then follows the change feed; verifies every response signature against the JWKS;
// keeps its cursor in <out>/state.json (resumable) and writes the list in force to <out>/suppressions.tsv,
// sorted, one "phone<TAB>scope<TAB>sender" line per opposition ("-" as sender for scope all).
import { createPrivateKey, type KeyObject } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { signRequest } from "@/lib/signing/sign-request";
import { verifyPlatformResponse, verifyResponseToRequest, type Jwks } from "@/lib/signing/verify-response";

interface State {
  version: 1;
  phase: "snapshot" | "changes";
  at: number;
  cursor: string | null;
  next: number;
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

const line = (e: { phone: string; scope: string; sender: string | null }) => `${e.phone}\t${e.scope}\t${e.sender ?? "-"}`;
const progress = (text: string) => process.stderr.write(`\r\x1b[K${text}`);

async function call(options: Options, jwks: Jwks, pathAndQuery: string): Promise<unknown> {
  const url = `${options.url.replace(/\/+$/, "")}/api/v1${pathAndQuery}`;
  let response: Response;
  let headers: Record<string, string>;
  for (;;) {
    // A fresh signature (new nonce, new created) on every attempt; a 429 is waited out, never hammered.
    headers = await signRequest({ method: "GET", url, keyid: options.keyid, privateKey: options.key });
    response = await fetch(url, { headers });
    if (response.status !== 429) break;
    const seconds = Number(response.headers.get("retry-after") ?? 5);
    progress(`rate-limited: waiting ${seconds} s`);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  }
  const body = new Uint8Array(await response.arrayBuffer());
  if (!(await verifyPlatformResponse(response, body, jwks))) {
    throw new SyncError(`response to ${pathAndQuery} is not signed by a platform key: refusing it`);
  }
  // 1.1: the answer must be the answer to this very request (bound to its signature and nonce).
  if (!(await verifyResponseToRequest(response, body, jwks, { headers }))) {
    throw new SyncError(`response to ${pathAndQuery} is not bound to this request (stopsms-req): refusing it`);
  }
  const json = JSON.parse(Buffer.from(body).toString("utf8"));
  if (!response.ok) throw new SyncError(`${pathAndQuery}: ${response.status} ${json.code ?? ""} ${json.detail ?? json.title ?? ""}`, json.code);
  return json;
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
 * One run. When the platform answers 409 cursor-ahead, its feed is behind the stored cursor (a restore
 * from backup): the local list may hold changes the platform no longer has, so it is thrown away and
 * rebuilt from a snapshot, once per run.
 */
export async function syncOnce(options: Options): Promise<{ entries: number; next: number; rebuilt: boolean }> {
  try {
    return { ...(await syncFromState(options)), rebuilt: false };
  } catch (error) {
    if (!(error instanceof SyncError && error.code === "cursor-ahead")) throw error;
    process.stderr.write(`\nthe platform's feed is behind this client's cursor (restored from a backup?): rebuilding from a snapshot\n`);
    await rm(path.join(options.out, "state.json"), { force: true });
    return { ...(await syncFromState(options)), rebuilt: true };
  }
}

async function syncFromState(options: Options): Promise<{ entries: number; next: number }> {
  await mkdir(options.out, { recursive: true });
  const jwksResponse = await fetch(`${options.url.replace(/\/+$/, "")}/.well-known/stopsms-keys.json`);
  if (!jwksResponse.ok) throw new SyncError(`cannot read the platform keys: HTTP ${jwksResponse.status}`);
  const jwks = (await jwksResponse.json()) as Jwks;
  let { state, list } = await loadState(options.out);
  if (!state || state.phase === "snapshot") {
    if (!state) list = new Set();
    let cursor = state?.cursor ?? null;
    let at = state?.at ?? 0;
    let pages = 0;
    do {
      const page = (await call(options, jwks, `/suppressions/snapshot?limit=50000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`)) as {
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
  let more = true;
  while (more) {
    const page = (await call(options, jwks, `/suppressions/changes?after=${state.next}&limit=10000`)) as {
      changes: { op: string; phone: string; scope: string; sender: string | null }[];
      next: number;
      more: boolean;
      head: number;
    };
    for (const change of page.changes) {
      if (change.op === "add") list.add(line(change));
      else list.delete(line(change));
    }
    state = { ...state, next: page.next };
    more = page.more;
    progress(`changes: seq ${page.next} of ${page.head}, ${list.size} in force`);
    await save(options.out, state, list);
  }
  process.stderr.write("\n");
  return { entries: list.size, next: state.next };
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
    console.error("Usage: npm run sync-client -- --url <platform url> --keyid <keyid> --key <pkcs8.pem> --out <dir> [--watch] [--interval <seconds>]");
    return 2;
  }
  const options: Options = { url: values.url, keyid: values.keyid, key: createPrivateKey(await readFile(values.key, "utf8")), out: values.out };
  for (;;) {
    try {
      const { entries, next } = await syncOnce(options);
      console.log(`in force: ${entries} · cursor: ${next} · list: ${path.join(options.out, "suppressions.tsv")}`);
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
