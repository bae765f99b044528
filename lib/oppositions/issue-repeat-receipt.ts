import "server-only";
import { db } from "@/lib/db/client";
import { generateReceiptId } from "./receipt-id";
import type { OppositionSource } from "./types";

/**
 * A fresh receipt for a refusal asked again while already in force. Used where the asker has not proved
 * the number is theirs (/stop): showing the first receipt — its date, its id — would tell anyone who types
 * a number whether and since when its owner refused SMS. The new receipt is dated now, names the same
 * opposition and change, and looks exactly like the receipt of a first unverified refusal: neither shows its
 * register entry (the first change's old entry number would give the repeat away).
 */
export async function issueRepeatReceipt(originalId: string, source: OppositionSource): Promise<string> {
  const rows = await db().$queryRaw<{ id: string }[]>`
    INSERT INTO receipts (id, op, opposition_id, phone, scope, sender_id, source, seq, created_at, public_proof)
    SELECT ${generateReceiptId()}, 'add', opposition_id, phone, scope, sender_id, ${source}::"OppositionSource", seq, now(), false
    FROM receipts WHERE id = ${originalId}
    RETURNING id`;
  return rows[0]!.id;
}
