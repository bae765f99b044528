import "server-only";
import { loadReceipt } from "@/lib/oppositions/load-receipt";
import type { ReceiptView } from "@/lib/oppositions/types";
import { buildInclusionProof, fromBase64Url, toBase64Url, verifyInclusion } from "./merkle";
import { nextPublication, publishedTreeHead } from "./published-head";
import { readStoredHashes } from "./stored-hashes";

export interface ReceiptProof {
  status: "proven";
  receipt: ReceiptView;
  index: number;
  leaf: string;
  treeSize: number;
  root: string;
  /** When the tree head the proof uses was published. */
  at: Date;
  path: string[];
  /** The proof recomputed here, as anyone can with the public API: the leaf leads to the root. */
  verified: boolean;
}

/** The entry is recorded but came after the latest published tree head: the page says when to come back. */
export interface ReceiptAwaitingPublication {
  status: "awaiting";
  receipt: ReceiptView;
  index: number;
  publishedAt: Date;
  nextAt: Date;
}

/**
 * What /verify/<receipt id> shows: the receipt's change, proven in the published tree head — the one any
 * visitor can check with the public API (published-head.ts says why it is not the live one).
 */
export async function proveReceipt(id: string): Promise<ReceiptProof | ReceiptAwaitingPublication | null> {
  const receipt = await loadReceipt(id);
  if (!receipt?.log) return null;
  const index = Number(receipt.log.index);
  const head = await publishedTreeHead();
  if (index >= head.size)
    return { status: "awaiting", receipt, index, publishedAt: new Date(head.at), nextAt: nextPublication(head) };
  const path = await buildInclusionProof(index, head.size, readStoredHashes);
  const verified = verifyInclusion(index, head.size, fromBase64Url(receipt.log.leaf), path, fromBase64Url(head.root));
  return {
    status: "proven",
    receipt,
    index,
    leaf: receipt.log.leaf,
    treeSize: head.size,
    root: head.root,
    at: new Date(head.at),
    path: path.map(toBase64Url),
    verified,
  };
}
