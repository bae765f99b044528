import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildConsistencyProof,
  buildInclusionProof,
  EMPTY_ROOT,
  hashChildren,
  hashLeaf,
  nodeKeyId,
  treeRoot,
  verifyConsistency,
  verifyInclusion,
  type Hash,
  type NodeKey,
} from "./merkle";
import { canonicalLeafData } from "./leaf-data";

const hex = (text: string) => Buffer.from(text, "hex");

// The RFC 6962/9162 test tree used by Certificate Transparency implementations (transparency-dev/merkle).
const LEAF_INPUTS = [
  "",
  "00",
  "10",
  "2021",
  "3031",
  "40414243",
  "5051525354555657",
  "606162636465666768696a6b6c6d6e6f",
].map(hex);
const ROOTS = [
  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
  "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
  "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];
// [leaf index (0-based), tree size, path]
const INCLUSION_VECTORS: [number, number, string[]][] = [
  [
    0,
    8,
    [
      "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ],
  ],
  [
    5,
    8,
    [
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ],
  ],
  [2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"]],
  [
    1,
    5,
    [
      "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
    ],
  ],
];
const CONSISTENCY_VECTORS: [number, number, string[]][] = [
  [
    1,
    8,
    [
      "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ],
  ],
  [
    6,
    8,
    [
      "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ],
  ],
  [
    2,
    5,
    [
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
    ],
  ],
  [
    6,
    7,
    [
      "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
      "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ],
  ],
];

// The naive reference: RFC 9162's definitions, recursively over the leaf hashes, no stored hashes.
const split = (n: number) => 2 ** Math.floor(Math.log2(n - 1));
function naiveRoot(leaves: Hash[]): Hash {
  if (leaves.length === 0) return EMPTY_ROOT;
  if (leaves.length === 1) return leaves[0]!;
  const k = split(leaves.length);
  return hashChildren(naiveRoot(leaves.slice(0, k)), naiveRoot(leaves.slice(k)));
}
function naivePath(m: number, leaves: Hash[]): Hash[] {
  if (leaves.length <= 1) return [];
  const k = split(leaves.length);
  return m < k
    ? [...naivePath(m, leaves.slice(0, k)), naiveRoot(leaves.slice(k))]
    : [...naivePath(m - k, leaves.slice(k)), naiveRoot(leaves.slice(0, k))];
}
function naiveSubproof(m: number, leaves: Hash[], complete: boolean): Hash[] {
  if (m === leaves.length) return complete ? [] : [naiveRoot(leaves)];
  const k = split(leaves.length);
  return m <= k
    ? [...naiveSubproof(m, leaves.slice(0, k), complete), naiveRoot(leaves.slice(k))]
    : [...naiveSubproof(m - k, leaves.slice(k), false), naiveRoot(leaves.slice(0, k))];
}

/** The stored hashes of a tree, as the database keeps them (every complete subtree). */
function storedHashes(leaves: Hash[]) {
  const stored = new Map<string, Hash>();
  leaves.forEach((leaf, idx) => stored.set(nodeKeyId({ level: 0, idx }), leaf));
  for (let level = 1; 2 ** level <= leaves.length; level++) {
    for (let idx = 0; (idx + 1) * 2 ** level <= leaves.length; idx++) {
      stored.set(
        nodeKeyId({ level, idx }),
        hashChildren(
          stored.get(nodeKeyId({ level: level - 1, idx: 2 * idx }))!,
          stored.get(nodeKeyId({ level: level - 1, idx: 2 * idx + 1 }))!,
        ),
      );
    }
  }
  const reads: NodeKey[][] = [];
  const read = async (keys: NodeKey[]) => {
    reads.push(keys);
    return new Map(keys.map((key) => [nodeKeyId(key), stored.get(nodeKeyId(key))!]));
  };
  return { read, reads };
}

const leavesOf = (n: number) => Array.from({ length: n }, (_, i) => hashLeaf(`leaf ${i}`));

describe("RFC 9162 hashing", () => {
  it("matches the Certificate Transparency test vectors for leaves, roots, inclusion and consistency proofs", async () => {
    const leaves = LEAF_INPUTS.map((input) => hashLeaf(input));
    expect(leaves[0]!.toString("hex")).toBe("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
    const { read } = storedHashes(leaves);
    for (let size = 0; size <= 8; size++) expect((await treeRoot(size, read)).toString("hex")).toBe(ROOTS[size]);
    for (const [index, size, path] of INCLUSION_VECTORS) {
      expect((await buildInclusionProof(index, size, read)).map((h) => h.toString("hex"))).toEqual(path);
      expect(verifyInclusion(index, size, leaves[index]!, path.map(hex), hex(ROOTS[size]!))).toBe(true);
    }
    for (const [from, to, path] of CONSISTENCY_VECTORS) {
      expect((await buildConsistencyProof(from, to, read)).map((h) => h.toString("hex"))).toEqual(path);
      expect(verifyConsistency(from, to, hex(ROOTS[from]!), hex(ROOTS[to]!), path.map(hex))).toBe(true);
    }
  });

  it("agrees with the naive reference for every leaf and every pair of sizes from 1 to 64, in one read per proof", async () => {
    const leaves = leavesOf(64);
    const { read, reads } = storedHashes(leaves);
    for (let n = 1; n <= 64; n++) {
      const root = await treeRoot(n, read);
      expect(root.equals(naiveRoot(leaves.slice(0, n)))).toBe(true);
      for (let m = 0; m < n; m++) {
        reads.length = 0;
        const path = await buildInclusionProof(m, n, read);
        expect(reads.length).toBeLessThanOrEqual(1);
        expect(path).toEqual(naivePath(m, leaves.slice(0, n)));
        expect(verifyInclusion(m, n, leaves[m]!, path, root)).toBe(true);
        expect(verifyInclusion(m, n, leaves[(m + 1) % n]!, path, root) && n > 1).toBe(false);
      }
      for (let m = 1; m <= n; m++) {
        const proof = await buildConsistencyProof(m, n, read);
        expect(proof).toEqual(m === n ? [] : naiveSubproof(m, leaves.slice(0, n), true));
        expect(verifyConsistency(m, n, naiveRoot(leaves.slice(0, m)), root, proof)).toBe(true);
      }
    }
  });

  it("refuses any altered proof, root, index or size (property-based)", async () => {
    const leaves = leavesOf(300);
    const { read } = storedHashes(leaves);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 300 }), fc.nat(), fc.nat(), fc.nat(), async (n, a, b, flip) => {
        const m = a % n;
        const root = await treeRoot(n, read);
        const path = await buildInclusionProof(m, n, read);
        expect(verifyInclusion(m, n, leaves[m]!, path, root)).toBe(true);
        const tampered = path.map((h, i) =>
          i === flip % path.length ? Buffer.from(h.map((byte, j) => (j === 0 ? byte ^ 1 : byte))) : h,
        );
        expect(verifyInclusion(m, n, leaves[m]!, tampered, root)).toBe(false);
        expect(verifyInclusion(m, n, hashLeaf("another change"), path, root)).toBe(false);
        expect(verifyInclusion(m, n, leaves[m]!, path.slice(1), root)).toBe(false);

        const first = 1 + (b % n);
        const proof = await buildConsistencyProof(first, n, read);
        const firstRoot = await treeRoot(first, read);
        expect(verifyConsistency(first, n, firstRoot, root, proof)).toBe(true);
        if (first < n) {
          expect(verifyConsistency(first, n, hashLeaf("another history"), root, proof)).toBe(false);
          expect(verifyConsistency(first, n, firstRoot, hashLeaf("another head"), proof)).toBe(false);
          expect(verifyConsistency(first, n, firstRoot, root, proof.slice(0, -1))).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("the canonical leaf data", () => {
  it("is the docs/protocol.md 1.1 form: members in order, no spaces, numbers as numbers, sender null for all", () => {
    expect(
      canonicalLeafData({
        seq: 1042n,
        op: "remove",
        reason: "number-disconnected",
        phone: "+212612345678",
        scope: "all",
        sender: null,
        at: new Date("2026-11-23T08:00:00Z"),
        index: 90211n,
        salt: "q1Xw",
      }),
    ).toBe(
      '{"at":"2026-11-23T08:00:00.000Z","index":90211,"op":"remove","phone":"+212612345678","reason":"number-disconnected","salt":"q1Xw","scope":"all","sender":null,"seq":1042}',
    );
  });
});
