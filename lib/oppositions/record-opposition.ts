import "server-only";
import { db } from "@/lib/db/client";
import { lockFeed } from "./feed-lock";
import { findOppositionRow } from "./find-opposition-row";
import { loadReceipt } from "./load-receipt";
import { generateReceiptId } from "./receipt-id";
import type { OppositionSource, OppositionTarget, ReceiptView } from "./types";
import { assertOppositionRequest } from "./validate-request";
import { appendChange, bumpDailyStat, insertReceipt } from "./write-change";

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
 * opposition is never lost.
 */
export async function recordOpposition(input: RecordOppositionInput): Promise<RecordOppositionResult> {
  const { phone, target, source, verified } = input;
  assertOppositionRequest(phone, target);
  return db().$transaction(
    async (tx) => {
      const before = await findOppositionRow(tx, phone, target);
      if (before && !before.withdrawn_at)
        return { created: false, receipt: (await loadReceipt(before.receipt_id, tx))! };

      await lockFeed(tx);
      const existing = await findOppositionRow(tx, phone, target, true);
      if (existing && !existing.withdrawn_at)
        return { created: false, receipt: (await loadReceipt(existing.receipt_id, tx))! };

      const { seq, at } = await appendChange(tx, { op: "add", reason: "opposed", phone, target, source });
      const receiptId = generateReceiptId();
      const rows = existing
        ? await tx.$queryRaw<{ id: bigint }[]>`
            UPDATE oppositions SET withdrawn_at = NULL, ended_reason = NULL, created_at = ${at}, source = ${source}::"OppositionSource",
                   verified = ${verified}, last_seq = ${seq}, receipt_id = ${receiptId}
            WHERE id = ${existing.id} RETURNING id`
        : await tx.$queryRaw<{ id: bigint }[]>`
            INSERT INTO oppositions (phone, scope, sender_id, source, verified, created_at, last_seq, receipt_id)
            VALUES (${phone}, ${target.scope}::"Scope", ${target.senderId}::int, ${source}::"OppositionSource", ${verified}, ${at}, ${seq}, ${receiptId})
            RETURNING id`;
      const oppositionId = rows[0]!.id;
      const finalId = await insertReceipt(tx, {
        id: receiptId,
        op: "add",
        oppositionId,
        phone,
        target,
        source,
        seq,
        at,
      });
      if (finalId !== receiptId)
        await tx.$executeRaw`UPDATE oppositions SET receipt_id = ${finalId} WHERE id = ${oppositionId}`;
      await bumpDailyStat(tx, { op: "add", target, source, at });
      return { created: true, receipt: (await loadReceipt(finalId, tx))! };
    },
    { maxWait: 10_000, timeout: 20_000 },
  );
}
