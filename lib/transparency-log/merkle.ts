import { createHash } from "node:crypto";

// RFC 9162 section 2.1 Merkle trees, over SHA-256: hashing, proofs built from stored subtree hashes, and
// their verification. Pure (no database): the platform, the reference sync client and log:verify share it.
//
// Indexes and sizes are plain numbers (a log of 2^53 changes is not a concern) and never go through
// JavaScript's 32-bit bitwise operators.

export type Hash = Buffer;

/** A stored hash: level 0 = leaf `idx`; level L = the root of leaves [idx·2^L, (idx+1)·2^L). */
export interface NodeKey {
  level: number;
  idx: number;
}

export const EMPTY_ROOT: Hash = createHash("sha256").digest();

export function hashLeaf(data: Uint8Array | string): Hash {
  return createHash("sha256")
    .update(Buffer.from([0]))
    .update(data)
    .digest();
}

export function hashChildren(left: Hash, right: Hash): Hash {
  return createHash("sha256")
    .update(Buffer.from([1]))
    .update(left)
    .update(right)
    .digest();
}

/** The largest power of two strictly smaller than n (n ≥ 2). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

const isPowerOfTwo = (n: number) => n > 0 && 2 ** Math.round(Math.log2(n)) === n;

/**
 * MTH(D[start:end]) from stored hashes. Every range met by RFC 9162's recursion from the root is aligned
 * (it starts at a multiple of the largest power of two it holds), so it splits into stored subtrees.
 */
function rangeHash(get: (key: NodeKey) => Hash, start: number, end: number): Hash {
  const size = end - start;
  if (isPowerOfTwo(size) && start % size === 0) return get({ level: Math.round(Math.log2(size)), idx: start / size });
  const k = splitPoint(size);
  return hashChildren(rangeHash(get, start, start + k), rangeHash(get, start + k, end));
}

/** PATH(m, D[start:end]) of RFC 9162 2.1.3.1, leaf-side first. */
function inclusionPath(get: (key: NodeKey) => Hash, index: number, start: number, end: number): Hash[] {
  if (end - start <= 1) return [];
  const k = splitPoint(end - start);
  return index < start + k
    ? [...inclusionPath(get, index, start, start + k), rangeHash(get, start + k, end)]
    : [...inclusionPath(get, index, start + k, end), rangeHash(get, start, start + k)];
}

/** SUBPROOF(m, D[start:end], b) of RFC 9162 2.1.4.1, with m relative to start. */
function subproof(get: (key: NodeKey) => Hash, m: number, start: number, end: number, complete: boolean): Hash[] {
  const n = end - start;
  if (m === n) return complete ? [] : [rangeHash(get, start, end)];
  const k = splitPoint(n);
  return m <= k
    ? [...subproof(get, m, start, start + k, complete), rangeHash(get, start + k, end)]
    : [...subproof(get, m - k, start + k, end, false), rangeHash(get, start, start + k)];
}

export type ProofBuilder<T> = (get: (key: NodeKey) => Hash) => T;

/** Which stored hashes a builder reads: it is run once on placeholders (no key depends on a hash value). */
export function keysNeeded<T>(build: ProofBuilder<T>): NodeKey[] {
  const wanted = new Map<string, NodeKey>();
  build((key) => {
    wanted.set(nodeKeyId(key), key);
    return EMPTY_ROOT;
  });
  return [...wanted.values()];
}

/** Runs a builder on hashes already read. */
export function buildFrom<T>(build: ProofBuilder<T>, hashes: Map<string, Hash>): T {
  return build((key) => {
    const hash = hashes.get(nodeKeyId(key));
    if (!hash) throw new Error(`stored hash ${key.level}:${key.idx} is missing`);
    return hash;
  });
}

/** A proof in one read of the O(log n) stored hashes it needs. */
async function withStoredHashes<T>(
  build: ProofBuilder<T>,
  read: (keys: NodeKey[]) => Promise<Map<string, Hash>>,
): Promise<T> {
  return buildFrom(build, await read(keysNeeded(build)));
}

export const inclusionBuilder =
  (index: number, size: number): ProofBuilder<Hash[]> =>
  (get) =>
    inclusionPath(get, index, 0, size);
export const consistencyBuilder =
  (from: number, to: number): ProofBuilder<Hash[]> =>
  (get) =>
    from === 0 || from === to ? [] : subproof(get, from, 0, to, true);

export type ReadStoredHashes = (keys: NodeKey[]) => Promise<Map<string, Hash>>;

export function nodeKeyId(key: NodeKey): string {
  return `${key.level}:${key.idx}`;
}

export function treeRoot(size: number, read: ReadStoredHashes): Promise<Hash> {
  if (size === 0) return Promise.resolve(EMPTY_ROOT);
  return withStoredHashes((get) => rangeHash(get, 0, size), read);
}

export function buildInclusionProof(index: number, size: number, read: ReadStoredHashes): Promise<Hash[]> {
  return withStoredHashes((get) => inclusionPath(get, index, 0, size), read);
}

export function buildConsistencyProof(from: number, to: number, read: ReadStoredHashes): Promise<Hash[]> {
  if (from === 0 || from === to) return Promise.resolve([]);
  return withStoredHashes((get) => subproof(get, from, 0, to, true), read);
}

/** RFC 9162 2.1.3.2. */
export function verifyInclusion(index: number, size: number, leaf: Hash, path: Hash[], root: Hash): boolean {
  if (index >= size || leaf.length !== 32) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0 || p.length !== 32) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = hashChildren(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 2.1.4.2 (a proof from the empty tree is refused: it proves nothing). */
export function verifyConsistency(
  first: number,
  second: number,
  firstRoot: Hash,
  secondRoot: Hash,
  path: Hash[],
): boolean {
  if (first > second || path.some((p) => p.length !== 32)) return false;
  if (first === second) return path.length === 0 && firstRoot.equals(secondRoot);
  if (first === 0 || path.length === 0) return false;
  const proof = isPowerOfTwo(first) ? [firstRoot, ...path] : path;
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = proof[0]!;
  let sr = proof[0]!;
  for (const c of proof.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr.equals(firstRoot) && sr.equals(secondRoot);
}

export const toBase64Url = (hash: Hash) => hash.toString("base64url");
export const fromBase64Url = (text: string) => Buffer.from(text, "base64url");
