import "server-only";
import { db } from "@/lib/db/client";
import type { ListSourceRef, OppositionSource, Scope, SenderRef } from "./types";

export interface OppositionInForce {
  scope: Scope;
  sender: SenderRef | null;
  /** The list source refused (scope `source`). */
  listSource: ListSourceRef | null;
  source: OppositionSource;
  verified: boolean;
  since: Date;
  receiptId: string;
  seq: bigint;
}

interface Row {
  scope: Scope;
  source: OppositionSource;
  verified: boolean;
  created_at: Date;
  receipt_id: string;
  last_seq: bigint;
  sender_id: number | null;
  sender_code: string | null;
  sender_name: string | null;
  list_source_id: number | null;
  list_source_code: string | null;
  list_source_name: string | null;
}

/** Everything in force for one E.164 number, "all" first. */
export async function findOppositionsInForce(phone: string): Promise<OppositionInForce[]> {
  const rows = await db().$queryRaw<Row[]>`
    SELECT o.scope::text AS scope, o.source::text AS source, o.verified, o.created_at, o.receipt_id, o.last_seq,
           s.id AS sender_id, s.code AS sender_code, s.name AS sender_name,
           ls.id AS list_source_id, ls.code AS list_source_code, ls.name AS list_source_name
    FROM oppositions o LEFT JOIN senders s ON s.id = o.sender_id LEFT JOIN list_sources ls ON ls.id = o.list_source_id
    WHERE o.phone = ${phone} AND o.withdrawn_at IS NULL AND o.canary_provider_id IS NULL
    ORDER BY o.scope, s.code`;
  return rows.map((row) => ({
    scope: row.scope,
    source: row.source,
    verified: row.verified,
    since: row.created_at,
    receiptId: row.receipt_id,
    seq: row.last_seq,
    sender:
      row.sender_id !== null ? { id: row.sender_id, code: row.sender_code ?? "", name: row.sender_name ?? "" } : null,
    listSource:
      row.list_source_id !== null
        ? { id: row.list_source_id, code: row.list_source_code ?? "", name: row.list_source_name ?? "" }
        : null,
  }));
}
