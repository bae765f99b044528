import "server-only";
import { problems } from "@/lib/problems";
import { buildFrom, consistencyBuilder, inclusionBuilder, keysNeeded, toBase64Url } from "./merkle";
import { type LogAudience, visibleTreeSize } from "./published-head";
import { readStoredHashes } from "./stored-hashes";

// Each proof is one read of its stored hashes (the leaf's included), run beside the read of the tree's size
// that validates the request: two queries in parallel, each a prepared statement. A visitor's proofs stop at
// the published tree head (published-head.ts); the refusal says its size, never the live one.

const beyond = (field: string, visible: number, audience: LogAudience) =>
  problems.invalidRequest([
    {
      field,
      message: audience === "public" ? `the published tree has ${visible} leaves` : `the tree has ${visible} leaves`,
    },
  ]);

/** docs/protocol.md 1.1 `log/inclusion`: leaf `index` is in the tree of `size` (size ≤ the tree this audience sees). */
export async function inclusionProof(
  index: number,
  size: number,
  audience: LogAudience,
): Promise<{ index: number; size: number; leaf: string; path: string[] }> {
  if (index >= size) throw problems.invalidRequest([{ field: "index", message: "must be smaller than size" }]);
  const build = inclusionBuilder(index, size);
  const leafKey = { level: 0, idx: index };
  const [current, hashes] = await Promise.all([
    visibleTreeSize(audience),
    readStoredHashes([...keysNeeded(build), leafKey]),
  ]);
  if (size > current) throw beyond("size", current, audience);
  return { index, size, leaf: toBase64Url(hashes.get(`0:${index}`)!), path: buildFrom(build, hashes).map(toBase64Url) };
}

/** `log/consistency`: the tree of `from` leaves is a prefix of the tree of `to` leaves. */
export async function consistencyProof(
  from: number,
  to: number,
  audience: LogAudience,
): Promise<{ from: number; to: number; path: string[] }> {
  if (from > to) throw problems.invalidRequest([{ field: "from", message: "must not exceed to" }]);
  const build = consistencyBuilder(from, to);
  const [current, hashes] = await Promise.all([visibleTreeSize(audience), readStoredHashes(keysNeeded(build))]);
  if (to > current) throw beyond("to", current, audience);
  return { from, to, path: buildFrom(build, hashes).map(toBase64Url) };
}
