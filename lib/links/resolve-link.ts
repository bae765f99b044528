import "server-only";
import { pool, preparedName } from "@/lib/db/client";
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

type Row = [
  code: string,
  phone: string,
  expiresAt: Date,
  senderId: number,
  senderCode: string,
  senderName: string,
  senderReceipt: string | null,
  senderSince: Date | null,
  allReceipt: string | null,
  allSince: Date | null,
];

// The landing page's only query: raw pg (it is the busiest page), three index probes.
const RESOLVE = `
  SELECT l.code, l.phone, l.expires_at, s.id, s.code, s.name, os.receipt_id, os.created_at, oa.receipt_id, oa.created_at
  FROM stop_links l
  JOIN senders s ON s.id = l.sender_id
  LEFT JOIN oppositions os ON os.phone = l.phone AND os.scope = 'sender' AND os.sender_id = l.sender_id AND os.withdrawn_at IS NULL
  LEFT JOIN oppositions oa ON oa.phone = l.phone AND oa.scope = 'all' AND oa.sender_id IS NULL AND oa.withdrawn_at IS NULL
  WHERE l.code = $1`;

/** Reads a short link and what is in force for its number, in one query. Never writes (GET-safe). */
export async function resolveLink(code: string, now = new Date()): Promise<ResolvedLink> {
  if (!isLinkCode(code)) return { status: "unknown" };
  // Prepared: planning this four-table join cost more than running it.
  const { rows } = await pool().query<Row>({ name: preparedName("resolve-link"), text: RESOLVE, values: [code], rowMode: "array" });
  const row = rows[0];
  if (!row) return { status: "unknown" };
  const [linkCode, phone, expiresAt, senderId, senderCode, senderName, senderReceipt, senderSince, allReceipt, allSince] = row;
  const sender = { id: senderId, code: senderCode, name: senderName };
  if (expiresAt <= now) return { status: "expired", sender };
  return {
    status: "active",
    code: linkCode,
    phone,
    sender,
    opposedSender: senderReceipt ? { receiptId: senderReceipt, since: senderSince! } : null,
    opposedAll: allReceipt ? { receiptId: allReceipt, since: allSince! } : null,
  };
}
