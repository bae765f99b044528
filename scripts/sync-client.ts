// Reference StopSMS sync client (docs/protocol.md 1.1): what a provider runs to keep its suppression list.
//   npm run sync-client -- --url https://stopsms.ma --keyid acme-telecom-2026-01 --key key.pem --out ./stopsms [--watch] [--interval 60]
// Loads a snapshot, then follows the change feed; verifies every response signature against the JWKS;
// keeps its cursor in <out>/state.json (resumable) and writes the list in force to <out>/suppressions.tsv,
// sorted, one "phone<TAB>scope<TAB>sender" line per opposition ("-" as sender for scope all; for a 1.2
// `source` entry, the list source's code in the sender's column).
// Transparency log (1.1): recomputes the leaf of every change it applies, proves the newest one is in the
// signed tree head, and proves that tree head consistent with the one it kept from its previous run. A
// leaf or proof that does not check out stops the run; a log that no longer extends the one it saw before
// (a restore from an older backup) is said out loud, its old tree head kept in <out>/evidence/ for the
// regulator (`npm run admin -- log:verify --tree-head <file>`), and the list rebuilt from a snapshot.
import { createPrivateKey } from "node:crypto";
import { mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { changeLeafHash, type LoggedChange } from "@/lib/transparency-log/leaf-data";
import { readPlatformKeys } from "@/lib/web/platform-client/signed-call";
import { TreeHead, Options, SyncError, line, progress, call } from "@/scripts/sync-client/http";
import { loadFromFiles, loadState, save } from "@/scripts/sync-client/snapshot-files";
import { keepEvidence, checkLog } from "@/scripts/sync-client/transparency";

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

async function syncFromState(options: Options): Promise<{ entries: number; next: number; treeHead: TreeHead }> {
  await mkdir(options.out, { recursive: true });
  const jwks = await readPlatformKeys(options);
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
        entries: { phone: string; scope: string; sender: string | null; source?: string }[];
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
