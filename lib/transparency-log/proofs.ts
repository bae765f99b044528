import "server-only";
import { problems } from "@/lib/problems";
import { buildFrom, consistencyBuilder, inclusionBuilder, keysNeeded, toBase64Url } from "./merkle";
import { readStoredHashes, readTreeSize } from "./stored-hashes";

// Each proof is one read of its stored hashes (the leaf's included), run beside the read of the tree's size
// that validates the request: two queries in parallel, each a prepared statement.

/** docs/protocol.md 1.1 `log/inclusion`: leaf `index` is in the tree of `size` (size ≤ the current tree). */
export async function inclusionProof(
  index: number,
  size: number,
): Promise<{ index: number; size: number; leaf: string; path: string[] }> {
  if (index >= size) throw problems.invalidRequest([{ field: "index", message: "must be smaller than size" }]);
  const build = inclusionBuilder(index, size);
  const leafKey = { level: 0, idx: index };
  const [current, hashes] = await Promise.all([readTreeSize(), readStoredHashes([...keysNeeded(build), leafKey])]);
  if (size > current) throw problems.invalidRequest([{ field: "size", message: `the tree has ${current} leaves` }]);
  return { index, size, leaf: toBase64Url(hashes.get(`0:${index}`)!), path: buildFrom(build, hashes).map(toBase64Url) };
}

/** `log/consistency`: the tree of `from` leaves is a prefix of the tree of `to` leaves. */
export async function consistencyProof(
  from: number,
  to: number,
): Promise<{ from: number; to: number; path: string[] }> {
  if (from > to) throw problems.invalidRequest([{ field: "from", message: "must not exceed to" }]);
  const build = consistencyBuilder(from, to);
  const [current, hashes] = await Promise.all([readTreeSize(), readStoredHashes(keysNeeded(build))]);
  if (to > current) throw problems.invalidRequest([{ field: "to", message: `the tree has ${current} leaves` }]);
  return { from, to, path: buildFrom(build, hashes).map(toBase64Url) };
}
