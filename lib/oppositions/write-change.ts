import "server-only";
import type { Tx } from "@/lib/db/client";
import { generateReceiptId } from "./receipt-id";
import type { ChangeOp, ChangeReason, OppositionSource, OppositionTarget } from "./types";
import { TIME_ZONE } from "@/lib/time-zone";

// The pieces every opposition state change writes, always inside the caller's transaction and after
// lockFeed(): the feed row, the citizen's receipt and the dashboard's daily counter.

export async function appendChange(
  tx: Tx,
  change: {
    op: ChangeOp;
    reason: ChangeReason;
    phone: string;
    target: OppositionTarget;
    source: OppositionSource;
    canaryProviderId?: number;
  },
): Promise<{ seq: bigint; at: Date }> {
  const { op, reason, phone, target, source } = change;
  const rows = await tx.$queryRaw<{ seq: bigint; at: Date }[]>`
    INSERT INTO opposition_changes (op, reason, phone, scope, sender_id, list_source_id, source, canary_provider_id)
    VALUES (${op}::"ChangeOp", ${reason}, ${phone}, ${target.scope}::"Scope", ${target.senderId}::int, ${target.listSourceId ?? null}::int,
            ${source}::"OppositionSource", ${change.canaryProviderId ?? null}::int)
    RETURNING seq, at`;
  return rows[0]!;
}

export async function insertReceipt(
  tx: Tx,
  receipt: {
    id: string;
    op: ChangeOp;
    oppositionId: bigint;
    phone: string;
    target: OppositionTarget;
    source: OppositionSource;
    seq: bigint;
    at: Date;
  },
): Promise<string> {
  let id = receipt.id;
  // A random id can collide (rarely): retry without aborting the transaction.
  for (;;) {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO receipts (id, op, opposition_id, phone, scope, sender_id, list_source_id, source, seq, created_at)
      VALUES (${id}, ${receipt.op}::"ChangeOp", ${receipt.oppositionId}, ${receipt.phone}, ${receipt.target.scope}::"Scope",
              ${receipt.target.senderId}::int, ${receipt.target.listSourceId ?? null}::int, ${receipt.source}::"OppositionSource",
              ${receipt.seq}, ${receipt.at})
      ON CONFLICT (id) DO NOTHING RETURNING id`;
    if (rows.length === 1) return id;
    id = generateReceiptId();
  }
}

export async function bumpDailyStat(
  tx: Tx,
  stat: { op: ChangeOp; target: OppositionTarget; source: OppositionSource; at: Date },
): Promise<void> {
  const added = stat.op === "add" ? 1 : 0;
  const withdrawn = stat.op === "remove" ? 1 : 0;
  await tx.$executeRaw`
    INSERT INTO daily_opposition_stats (day, scope, sender_id, list_source_id, source, added, withdrawn)
    VALUES ((${stat.at}::timestamptz AT TIME ZONE ${TIME_ZONE})::date, ${stat.target.scope}::"Scope", ${stat.target.senderId}::int,
            ${stat.target.listSourceId ?? null}::int, ${stat.source}::"OppositionSource", ${added}, ${withdrawn})
    ON CONFLICT (day, scope, sender_id, list_source_id, source)
    DO UPDATE SET added = daily_opposition_stats.added + EXCLUDED.added,
                  withdrawn = daily_opposition_stats.withdrawn + EXCLUDED.withdrawn`;
}
