import "server-only";
import { addOpposition } from "./add-in-batches";
import { loadReceipt } from "./load-receipt";
import { generateReceiptId } from "./receipt-id";
import type { OppositionSource, OppositionTarget, ReceiptView } from "./types";
import { assertOppositionRequest } from "./validate-request";

export interface RecordOppositionInput {
  phone: string;
  target: OppositionTarget;
  source: OppositionSource;
  verified: boolean;
  /** The provider whose own traffic recorded it (its STOP relay, a link it minted). */
  viaProviderId?: number;
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
 * opposition is never lost. The write is one round trip, shared by the opt-outs that arrive together
 * (add-in-batches.ts).
 */
export async function recordOpposition(input: RecordOppositionInput): Promise<RecordOppositionResult> {
  const { created, receiptId } = await writeOpposition(input);
  return { created, receipt: (await loadReceipt(receiptId))! };
}

/**
 * recordOpposition without reading the receipt back: the /stop form only needs its id for the redirect
 * (launch day: every query saved is one less per citizen). A repeat (already in force) goes through the
 * same write: the feed lock is shared by the whole batch, so no read ahead of it saves anything.
 */
export async function writeOpposition(input: RecordOppositionInput): Promise<{ created: boolean; receiptId: string }> {
  const { phone, target, source, verified, viaProviderId } = input;
  assertOppositionRequest(phone, target);
  for (;;) {
    try {
      const outcome = await addOpposition({
        phone,
        target,
        source,
        verified,
        viaProviderId,
        receiptId: generateReceiptId(),
      });
      return { created: outcome.kind === "added", receiptId: outcome.receiptId };
    } catch (error) {
      // A random receipt id can collide (rarely): nothing was written, try again with another.
      if (!isReceiptIdCollision(error)) throw error;
    }
  }
}

function isReceiptIdCollision(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string };
  return e.code === "23505" && e.constraint === "receipts_pkey";
}
