import "server-only";
import { db } from "@/lib/db/client";
import type { SenderRef } from "@/lib/oppositions/types";
import { isLinkCode } from "./link-code";

export interface ActiveOpposition {
  receiptId: string;
  since: Date;
}

export type ResolvedLink =
  | { status: "unknown" }
  | { status: "expired"; sender: SenderRef }
  | {
      status: "active";
      code: string;
      phone: string;
      sender: SenderRef;
      /** What is already in force for this number: the sender-level and the all-senders opposition. */
      opposedSender: ActiveOpposition | null;
      opposedAll: ActiveOpposition | null;
    };

interface Row {
  code: string;
  phone: string;
  expires_at: Date;
  sender_id: number;
  sender_code: string;
  sender_name: string;
  sender_receipt: string | null;
  sender_since: Date | null;
  all_receipt: string | null;
  all_since: Date | null;
}

/** Reads a short link and what is in force for its number, in one query. Never writes (GET-safe). */
export async function resolveLink(code: string, now = new Date()): Promise<ResolvedLink> {
  if (!isLinkCode(code)) return { status: "unknown" };
  const rows = await db().$queryRaw<Row[]>`
    SELECT l.code, l.phone, l.expires_at, s.id AS sender_id, s.code AS sender_code, s.name AS sender_name,
           os.receipt_id AS sender_receipt, os.created_at AS sender_since,
           oa.receipt_id AS all_receipt, oa.created_at AS all_since
    FROM stop_links l
    JOIN senders s ON s.id = l.sender_id
    LEFT JOIN oppositions os ON os.phone = l.phone AND os.scope = 'sender' AND os.sender_id = l.sender_id AND os.withdrawn_at IS NULL
    LEFT JOIN oppositions oa ON oa.phone = l.phone AND oa.scope = 'all' AND oa.sender_id IS NULL AND oa.withdrawn_at IS NULL
    WHERE l.code = ${code}`;
  const row = rows[0];
  if (!row) return { status: "unknown" };
  const sender = { id: row.sender_id, code: row.sender_code, name: row.sender_name };
  if (row.expires_at <= now) return { status: "expired", sender };
  return {
    status: "active",
    code: row.code,
    phone: row.phone,
    sender,
    opposedSender: row.sender_receipt ? { receiptId: row.sender_receipt, since: row.sender_since! } : null,
    opposedAll: row.all_receipt ? { receiptId: row.all_receipt, since: row.all_since! } : null,
  };
}
