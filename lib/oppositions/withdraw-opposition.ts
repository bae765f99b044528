import "server-only";
import { db } from "@/lib/db/client";
import { lockFeed } from "./feed-lock";
import { findOppositionRow } from "./find-opposition-row";
import { loadReceipt } from "./load-receipt";
import { generateReceiptId } from "./receipt-id";
import type { OppositionSource, OppositionTarget, ReceiptView } from "./types";
import { assertOppositionRequest } from "./validate-request";
import { appendChange, bumpDailyStat, insertReceipt } from "./write-change";

export interface WithdrawOppositionResult {
  /** false when nothing was in force for that target, or it was recorded elsewhere: nothing written. */
  withdrawn: boolean;
  receipt: ReceiptView | null;
  /** In force, but not recorded through the provider's own traffic (`onlyVia`). */
  recordedElsewhere?: true;
}

/**
 * The person takes an opposition back (after proving the number is theirs, or by a START reply to that
 * sender): feed op `remove` with reason `withdrawn`, a receipt, the row kept but marked withdrawn.
 */
export async function withdrawOpposition(input: {
  phone: string;
  target: OppositionTarget;
  source: OppositionSource;
  /** A provider's START: only an opposition its own traffic recorded (decided under the feed lock). */
  onlyVia?: number;
}): Promise<WithdrawOppositionResult> {
  const { phone, target, source, onlyVia } = input;
  assertOppositionRequest(phone, target);
  return db().$transaction(
    async (tx) => {
      await lockFeed(tx);
      const existing = await findOppositionRow(tx, phone, target, true);
      if (!existing || existing.withdrawn_at) return { withdrawn: false, receipt: null };
      if (onlyVia !== undefined && existing.via_provider_id !== onlyVia)
        return { withdrawn: false, receipt: null, recordedElsewhere: true };
      const { seq, at } = await appendChange(tx, { op: "remove", reason: "withdrawn", phone, target, source });
      await tx.$executeRaw`UPDATE oppositions SET withdrawn_at = ${at}, ended_reason = 'withdrawn', last_seq = ${seq} WHERE id = ${existing.id}`;
      const receiptId = await insertReceipt(tx, {
        id: generateReceiptId(),
        op: "remove",
        oppositionId: existing.id,
        phone,
        target,
        source,
        seq,
        at,
      });
      await bumpDailyStat(tx, { op: "remove", target, source, at });
      return { withdrawn: true, receipt: await loadReceipt(receiptId, tx) };
    },
    { maxWait: 10_000, timeout: 20_000 },
  );
}
