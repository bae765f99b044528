// The reference client's checks of the transparency log, and the evidence it keeps when one fails.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { type LoggedChange } from "@/lib/transparency-log/leaf-data";
import { fromBase64Url, verifyConsistency, verifyInclusion } from "@/lib/transparency-log/merkle";
import { type Jwks } from "@/lib/web/signatures/verify-response";
import { TreeHead, Options, SyncError, call } from "@/scripts/sync-client/http";
import { loadState } from "@/scripts/sync-client/snapshot-files";

/** Keeps the last tree head the platform signed before it went back in time: proof for the regulator. */
export async function keepEvidence(out: string): Promise<void> {
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
export async function checkLog(
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
