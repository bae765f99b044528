import "server-only";
import { pool, preparedName } from "@/lib/db/client";
import { addInOneRoundTrip } from "./add-in-one-round-trip";
import { loadReceipt } from "./load-receipt";
import { generateReceiptId } from "./receipt-id";
import type { OppositionSource, OppositionTarget, ReceiptView } from "./types";
import { assertOppositionRequest } from "./validate-request";

export interface RecordOppositionInput {
  phone: string;
  target: OppositionTarget;
  source: OppositionSource;
  verified: boolean;
}

export interface RecordOppositionResult {
  /** false when the opposition was already in force: nothing written, the original receipt returned. */
  created: boolean;
  receipt: ReceiptView;
}

/**
 * Records an opposition: the row in force, its feed change and the receipt in one transaction.
 * Idempotent and safe under concurrent duplicates: the second request waits on the feed lock, then
 * sees the first one's row and returns its receipt. Returns only after commit, so an acknowledged
 * opposition is never lost. The write itself is one round trip (add-in-one-round-trip.ts).
 */
export async function recordOpposition(input: RecordOppositionInput): Promise<RecordOppositionResult> {
  const { phone, target, source, verified } = input;
  assertOppositionRequest(phone, target);
  // Already in force (a second tap, a repeated form): answered without taking the feed lock.
  const inForce = await receiptInForce(phone, target);
  if (inForce) return { created: false, receipt: (await loadReceipt(inForce))! };
  for (;;) {
    try {
      const outcome = await addInOneRoundTrip({ phone, target, source, verified, receiptId: generateReceiptId() });
      return { created: outcome.kind === "added", receipt: (await loadReceipt(outcome.receiptId))! };
    } catch (error) {
      // A random receipt id can collide (rarely): nothing was written, try again with another.
      if (!isReceiptIdCollision(error)) throw error;
    }
  }
}

/** The receipt of the opposition in force for this number and target, if any: one prepared query. */
async function receiptInForce(phone: string, target: RecordOppositionInput["target"]): Promise<string | null> {
  const { rows } = await pool().query<{ receipt_id: string }>({
    text: `SELECT receipt_id FROM oppositions
           WHERE phone = $1 AND scope = $2::"Scope" AND sender_id IS NOT DISTINCT FROM $3::int
             AND canary_provider_id IS NULL AND withdrawn_at IS NULL`,
    values: [phone, target.scope, target.senderId],
    name: preparedName("opposition-in-force"),
  });
  return rows[0]?.receipt_id ?? null;
}

function isReceiptIdCollision(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string };
  return e.code === "23505" && e.constraint === "receipts_pkey";
}
