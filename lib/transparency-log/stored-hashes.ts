import "server-only";
import { pool, preparedName } from "@/lib/db/client";
import { nodeKeyId, type Hash, type NodeKey } from "./merkle";

/** One query for all the stored subtree hashes a proof needs (O(log n) rows, by primary key). */
export async function readStoredHashes(keys: NodeKey[]): Promise<Map<string, Hash>> {
  if (keys.length === 0) return new Map();
  // Prepared: planning this join cost more than running it.
  const { rows } = await pool().query<{ level: number; idx: string; hash: Buffer }>({
    name: preparedName("log-stored-hashes"),
    text: `SELECT h.level, h.idx, h.hash FROM unnest($1::smallint[], $2::bigint[]) AS k(level, idx)
           JOIN log_hashes h ON h.level = k.level AND h.idx = k.idx`,
    values: [keys.map((k) => k.level), keys.map((k) => String(k.idx))],
  });
  return new Map(rows.map((row) => [nodeKeyId({ level: row.level, idx: Number(row.idx) }), row.hash]));
}

/** The committed tree size: every stored hash below it is final (leaves are never rewritten). */
export async function readTreeSize(): Promise<number> {
  const { rows } = await pool().query<{ size: string }>({
    name: preparedName("log-tree-size"),
    text: "SELECT coalesce((SELECT size FROM log_size WHERE id = 1), 0) AS size",
  });
  return Number(rows[0]!.size);
}
