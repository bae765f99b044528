// The reference client's list on disk, and its first load through the snapshot files (docs/protocol.md 1.1).
import { readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { loadSnapshotFiles } from "@/lib/web/platform-client/snapshot-files";
import { type Jwks } from "@/lib/web/signatures/verify-response";
import { State, Options, line, progress } from "@/scripts/sync-client/http";

/** First load through the snapshot files (1.1) when the platform offers them; null when it has none ready. */
export async function loadFromFiles(options: Options, jwks: Jwks): Promise<{ at: number; list: Set<string> } | null> {
  const list = new Set<string>();
  const loaded = await loadSnapshotFiles(options, jwks, (entries) => {
    for (const entry of entries) list.add(line(entry));
    progress(`snapshot files: ${list.size} entries`);
  });
  return loaded && { at: loaded.at, list };
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
