import "server-only";
import { problems } from "@/lib/http/problem";
import { buildConsistencyProof, buildInclusionProof, toBase64Url } from "./merkle";
import { readStoredHashes, readTreeSize } from "./stored-hashes";

/** SYNC-PROTOCOL.md 1.1 `log/inclusion`: leaf `index` is in the tree of `size` (size ≤ the current tree). */
export async function inclusionProof(index: number, size: number): Promise<{ index: number; size: number; leaf: string; path: string[] }> {
  const current = await readTreeSize();
  if (size > current) throw problems.invalidRequest([{ field: "size", message: `the tree has ${current} leaves` }]);
  if (index >= size) throw problems.invalidRequest([{ field: "index", message: "must be smaller than size" }]);
  const leaf = (await readStoredHashes([{ level: 0, idx: index }])).get(`0:${index}`)!;
  const path = await buildInclusionProof(index, size, readStoredHashes);
  return { index, size, leaf: toBase64Url(leaf), path: path.map(toBase64Url) };
}

/** `log/consistency`: the tree of `from` leaves is a prefix of the tree of `to` leaves. */
export async function consistencyProof(from: number, to: number): Promise<{ from: number; to: number; path: string[] }> {
  const current = await readTreeSize();
  if (to > current) throw problems.invalidRequest([{ field: "to", message: `the tree has ${current} leaves` }]);
  if (from > to) throw problems.invalidRequest([{ field: "from", message: "must not exceed to" }]);
  const path = await buildConsistencyProof(from, to, readStoredHashes);
  return { from, to, path: path.map(toBase64Url) };
}
