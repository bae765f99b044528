import "server-only";
import { pool } from "@/lib/db/client";
import { toBase64Url, treeRoot } from "./merkle";
import { readStoredHashes, readTreeSize } from "./stored-hashes";

export interface TreeHead {
  size: number;
  root: string;
  at: string;
}

/** The tree head now: size, root (base64url), and when it was read. Signed by the API layer. */
export async function currentTreeHead(): Promise<TreeHead> {
  const size = await readTreeSize();
  const root = await treeRoot(size, readStoredHashes);
  return { size, root: toBase64Url(root), at: new Date().toISOString() };
}

/** A recorded row of log_tree_heads as the API shows it. */
export const headOfRow = (row: { size: string; root: Buffer; at: Date }): TreeHead => ({
  size: Number(row.size),
  root: toBase64Url(row.root),
  at: row.at.toISOString(),
});

export const MAX_TREE_HEADS_PAGE = 1000;

/** Recorded tree heads after a time, oldest first. */
export async function listTreeHeads(after: Date): Promise<{ tree_heads: TreeHead[]; more: boolean }> {
  const { rows } = await pool().query<{ size: string; root: Buffer; at: Date }>(
    "SELECT size, root, at FROM log_tree_heads WHERE at > $1 ORDER BY at, id LIMIT $2",
    [after, MAX_TREE_HEADS_PAGE + 1],
  );
  const heads = rows.slice(0, MAX_TREE_HEADS_PAGE).map(headOfRow);
  return { tree_heads: heads, more: rows.length > MAX_TREE_HEADS_PAGE };
}
