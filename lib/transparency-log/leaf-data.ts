import { hashLeaf, type Hash } from "./merkle";

/** A feed change as docs/protocol.md 1.1 serves it (the members the log's leaf covers). */
export interface LoggedChange {
  seq: number | bigint;
  op: string;
  reason: string;
  phone: string;
  scope: string;
  sender: string | null;
  /** Only on a `source` change (1.2): the list source refused. */
  source?: string | null;
  at: string | Date;
  index: number | bigint;
  salt: string;
}

/**
 * The canonical leaf data: the members in alphabetical order, no spaces, `seq` and `index` as JSON
 * numbers; a `source` change (1.2) adds its `source` member, last. The database trigger builds the same
 * bytes (log_leaf_data_v2, migration 20261205170000_provenance).
 */
export function canonicalLeafData(change: LoggedChange): string {
  const data = JSON.stringify({
    at: change.at instanceof Date ? change.at.toISOString() : change.at,
    index: Number(change.index),
    op: change.op,
    phone: change.phone,
    reason: change.reason,
    salt: change.salt,
    scope: change.scope,
    sender: change.sender,
    seq: Number(change.seq),
  });
  return change.source == null ? data : `${data.slice(0, -1)},"source":${JSON.stringify(change.source)}}`;
}

export function changeLeafHash(change: LoggedChange): Hash {
  return hashLeaf(Buffer.from(canonicalLeafData(change), "utf8"));
}
