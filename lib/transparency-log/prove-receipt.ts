import "server-only";
import { loadReceipt } from "@/lib/oppositions/load-receipt";
import type { ReceiptView } from "@/lib/oppositions/types";
import { buildInclusionProof, fromBase64Url, toBase64Url, treeRoot, verifyInclusion } from "./merkle";
import { readStoredHashes, readTreeSize } from "./stored-hashes";

export interface ReceiptProof {
  receipt: ReceiptView;
  index: number;
  leaf: string;
  treeSize: number;
  root: string;
  at: Date;
  path: string[];
  /** The proof recomputed here, as anyone can with the public API: the leaf leads to the root. */
  verified: boolean;
}

/** What /verify/<receipt id> shows: the receipt's change, proven in the latest tree head. */
export async function proveReceipt(id: string): Promise<ReceiptProof | null> {
  const receipt = await loadReceipt(id);
  if (!receipt?.log) return null;
  const index = Number(receipt.log.index);
  const treeSize = await readTreeSize();
  const [root, path] = await Promise.all([
    treeRoot(treeSize, readStoredHashes),
    buildInclusionProof(index, treeSize, readStoredHashes),
  ]);
  const verified = verifyInclusion(index, treeSize, fromBase64Url(receipt.log.leaf), path, root);
  return {
    receipt,
    index,
    leaf: receipt.log.leaf,
    treeSize,
    root: toBase64Url(root),
    at: new Date(),
    path: path.map(toBase64Url),
    verified,
  };
}
