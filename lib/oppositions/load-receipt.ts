import "server-only";
import { pool, preparedName, type Tx } from "@/lib/db/client";
import type { ChangeOp, OppositionSource, ReceiptView, Scope } from "./types";

interface ReceiptRow {
  id: string;
  op: ChangeOp;
  phone: string;
  scope: Scope;
  source: OppositionSource;
  seq: bigint | string;
  created_at: Date;
  sender_id: number | null;
  sender_code: string | null;
  sender_name: string | null;
  list_source_id: number | null;
  list_source_code: string | null;
  list_source_name: string | null;
  log_index: bigint | string | null;
  leaf: Buffer | null;
  disconnected_at: Date | null;
  public_proof: boolean;
}

const RECEIPT_SQL = `
    SELECT r.id, r.op::text AS op, r.phone, r.scope::text AS scope, r.source::text AS source, r.seq, r.created_at,
           s.id AS sender_id, s.code AS sender_code, s.name AS sender_name,
           ls.id AS list_source_id, ls.code AS list_source_code, ls.name AS list_source_name, c.log_index, h.hash AS leaf, r.public_proof,
           CASE WHEN r.op = 'add' AND o.receipt_id = r.id AND o.ended_reason = 'number-disconnected' THEN o.withdrawn_at END AS disconnected_at
    FROM receipts r LEFT JOIN senders s ON s.id = r.sender_id LEFT JOIN list_sources ls ON ls.id = r.list_source_id
      JOIN oppositions o ON o.id = r.opposition_id
      LEFT JOIN opposition_changes c ON c.seq = r.seq
      LEFT JOIN log_hashes h ON h.level = 0 AND h.idx = c.log_index
    WHERE r.id = $1`;

/**
 * A receipt as the citizen sees it. On the pool by default (the opt-out path's last read, after its commit:
 * a plain prepared query, without Prisma's per-query cost); inside a transaction when one is given.
 */
export async function loadReceipt(id: string, client?: Tx): Promise<ReceiptView | null> {
  const rows = client
    ? await client.$queryRawUnsafe<ReceiptRow[]>(RECEIPT_SQL, id)
    : (await pool().query<ReceiptRow>({ text: RECEIPT_SQL, values: [id], name: preparedName("load-receipt") })).rows;
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    op: row.op,
    phone: row.phone,
    scope: row.scope,
    source: row.source,
    seq: BigInt(row.seq),
    createdAt: row.created_at,
    endedByDisconnection: row.disconnected_at,
    proofHidden: !row.public_proof,
    log:
      row.public_proof && row.log_index !== null && row.leaf
        ? { index: BigInt(row.log_index), leaf: Buffer.from(row.leaf).toString("base64url") }
        : null,
    sender:
      row.sender_id !== null ? { id: row.sender_id, code: row.sender_code ?? "", name: row.sender_name ?? "" } : null,
    listSource:
      row.list_source_id !== null
        ? { id: row.list_source_id, code: row.list_source_code ?? "", name: row.list_source_name ?? "" }
        : null,
  };
}
