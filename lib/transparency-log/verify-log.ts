import "server-only";
import type pg from "pg";
import { pool } from "@/lib/db/client";
import { changeLeafHash } from "./leaf-data";
import { EMPTY_ROOT, hashChildren, toBase64Url, type Hash } from "./merkle";

// log:verify: recomputes the whole tree from the changes table, in index order, and compares every leaf,
// every stored subtree hash and every tree head (recorded ones, and any given from outside: a provider's
// or an auditor's) with what it finds. A tree head larger than the tree is what a restore from an older
// backup leaves behind: the log no longer holds changes that were once published.

const BATCH = 50_000;

export interface OutsideTreeHead {
  size: number;
  root: string;
  at?: string;
  source: string;
}

export interface LogVerification {
  size: number;
  leavesChecked: number;
  storedHashesChecked: number;
  treeHeadsChecked: number;
  problems: string[];
}

interface CheckedHead extends OutsideTreeHead {
  rootHash: Hash;
}

/** The complete subtrees of the prefix read so far (a "compact range"), from the largest to the smallest. */
class CompactRange {
  private readonly stack: { level: number; hash: Hash }[] = [];

  /** Adds the next leaf; returns the subtree roots it completes, with their (level, idx). */
  append(index: number, leaf: Hash): { level: number; idx: number; hash: Hash }[] {
    const completed = [];
    let hash = leaf;
    let level = 0;
    let idx = index;
    while (this.stack.length > 0 && this.stack.at(-1)!.level === level) {
      hash = hashChildren(this.stack.pop()!.hash, hash);
      level++;
      idx = Math.floor(idx / 2);
      completed.push({ level, idx, hash });
    }
    this.stack.push({ level, hash });
    return completed;
  }

  root(): Hash {
    if (this.stack.length === 0) return EMPTY_ROOT;
    let hash = this.stack.at(-1)!.hash;
    for (let i = this.stack.length - 2; i >= 0; i--) hash = hashChildren(this.stack[i]!.hash, hash);
    return hash;
  }
}

export async function verifyLog(
  outside: OutsideTreeHead[] = [],
  client: pg.Pool | pg.Client = pool(),
): Promise<LogVerification> {
  const problems: string[] = [];
  const sizeRow = await client.query<{ size: string; changes: string }>(
    "SELECT coalesce((SELECT size FROM log_size WHERE id = 1), 0) AS size, (SELECT count(*) FROM opposition_changes) AS changes",
  );
  const size = Number(sizeRow.rows[0]!.size);
  if (Number(sizeRow.rows[0]!.changes) !== size)
    problems.push(`the log says ${size} leaves but the feed holds ${sizeRow.rows[0]!.changes} changes`);

  const recorded = await client.query<{ size: string; root: Buffer; at: Date }>(
    "SELECT size, root, at FROM log_tree_heads ORDER BY size, at",
  );
  const heads: CheckedHead[] = [
    ...recorded.rows.map((r) => ({
      size: Number(r.size),
      root: toBase64Url(r.root),
      rootHash: r.root,
      at: r.at.toISOString(),
      source: "recorded",
    })),
    ...outside.map((h) => ({ ...h, rootHash: Buffer.from(h.root, "base64url") })),
  ].sort((a, b) => a.size - b.size);
  const describe = (h: CheckedHead) => `tree head of size ${h.size}${h.at ? ` (${h.at})` : ""} from ${h.source}`;
  for (const head of heads.filter((h) => h.size > size)) {
    problems.push(
      `${describe(head)} is larger than the tree (${size} leaves): changes once published are gone (restored from an older backup?)`,
    );
  }
  const pending = heads.filter((h) => h.size <= size);
  const checkHeads = (count: number, range: CompactRange) => {
    while (pending.length > 0 && pending[0]!.size === count) {
      const head = pending.shift()!;
      if (!range.root().equals(head.rootHash))
        problems.push(`${describe(head)} does not match the tree recomputed from the changes`);
    }
  };

  const range = new CompactRange();
  let storedHashesChecked = 0;
  let next = 0;
  checkHeads(0, range);
  while (next < size) {
    const end = Math.min(next + BATCH, size);
    // Two range scans per batch, no join between the big tables (a planner's generic plan would hash-join
    // them over the whole log): the changes, and every stored hash whose subtree ends in the batch.
    const rows = await client.query<{
      seq: string;
      op: string;
      reason: string;
      phone: string;
      scope: string;
      sender: string | null;
      source: string | null;
      at: Date;
      index: string;
      salt: string;
    }>(
      `SELECT c.seq, c.op::text AS op, c.reason, c.phone, c.scope::text AS scope, s.code AS sender, ls.code AS source, c.at, c.log_index AS index, c.salt
       FROM opposition_changes c LEFT JOIN senders s ON s.id = c.sender_id LEFT JOIN list_sources ls ON ls.id = c.list_source_id
       WHERE c.log_index >= $1 AND c.log_index < $2 ORDER BY c.log_index`,
      [next, end],
    );
    const hashes = await client.query<{ level: number; idx: string; hash: Buffer }>(
      `SELECT x.level, x.idx, x.hash FROM generate_series(0, 62) AS l(level)
       CROSS JOIN LATERAL (SELECT h.level, h.idx, h.hash FROM log_hashes h
                           WHERE h.level = l.level AND h.idx >= ($1::bigint >> l.level) AND h.idx < ($2::bigint >> l.level)) x`,
      [next, end],
    );
    const stored = new Map(hashes.rows.map((r) => [`${r.level}:${r.idx}`, r.hash]));
    let expected = next;
    for (const row of rows.rows) {
      const index = Number(row.index);
      if (index !== expected) {
        problems.push(`leaf ${expected} is missing from the changes table`);
        return {
          size,
          leavesChecked: expected,
          storedHashesChecked,
          treeHeadsChecked: heads.length - pending.length,
          problems,
        };
      }
      const leaf = changeLeafHash({ ...row, seq: BigInt(row.seq), index });
      const storedLeaf = stored.get(`0:${index}`);
      if (!storedLeaf) problems.push(`leaf ${index} (seq ${row.seq}) has no stored hash`);
      else if (!storedLeaf.equals(leaf))
        problems.push(
          `leaf ${index} (seq ${row.seq}): the change row does not match its stored leaf hash (rewritten?)`,
        );
      storedHashesChecked++;
      for (const node of range.append(index, leaf)) {
        const hash = stored.get(`${node.level}:${node.idx}`);
        storedHashesChecked++;
        if (!hash) problems.push(`stored hash ${node.level}:${node.idx} is missing`);
        else if (!hash.equals(node.hash))
          problems.push(`stored hash ${node.level}:${node.idx} does not match the leaves under it (rewritten?)`);
      }
      expected++;
      checkHeads(expected, range);
    }
    if (expected < end) {
      problems.push(`leaf ${expected} is missing from the changes table`);
      break;
    }
    next = end;
  }
  return {
    size,
    leavesChecked: next,
    storedHashesChecked,
    treeHeadsChecked: heads.length - pending.length,
    problems: problems.slice(0, 1000),
  };
}
