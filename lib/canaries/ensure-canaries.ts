import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { lockFeed } from "@/lib/oppositions/feed-lock";
import { generateReceiptId } from "@/lib/oppositions/receipt-id";
import { appendChange, insertReceipt } from "@/lib/oppositions/write-change";
import { drawCanaryNumber, parseCanaryRanges } from "./canary-ranges";

// Each provider's snapshot and feed carry a few canary entries of its own: oppositions to all senders on
// numbers from a range the regulator never assigns, created like any refusal (feed change, log leaf,
// receipt) so that nothing in their form tells them apart, but never counted (no rollup) and never shown
// to citizens. Created the first time the provider reads its list, then stable.

const complete = new Set<number>();

export async function ensureCanaries(providerId: number): Promise<void> {
  const { STOPSMS_CANARIES, STOPSMS_CANARY_RANGES } = env();
  if (STOPSMS_CANARIES === 0 || complete.has(providerId)) return;
  const ranges = parseCanaryRanges(STOPSMS_CANARY_RANGES);
  await db().$transaction(
    async (tx) => {
      await lockFeed(tx);
      const counted = await tx.$queryRaw<
        { n: number }[]
      >`SELECT count(*)::int AS n FROM oppositions WHERE canary_provider_id = ${providerId}`;
      for (let made = counted[0]!.n; made < STOPSMS_CANARIES; made++) {
        const phone = await unusedNumber(tx, ranges);
        const target = { scope: "all", senderId: null } as const;
        const { seq, at } = await appendChange(tx, {
          op: "add",
          reason: "opposed",
          phone,
          target,
          source: "link",
          canaryProviderId: providerId,
        });
        const receiptId = generateReceiptId();
        const inserted = await tx.$queryRaw<{ id: bigint }[]>`
          INSERT INTO oppositions (phone, scope, sender_id, source, verified, created_at, last_seq, receipt_id, canary_provider_id)
          VALUES (${phone}, 'all', NULL, 'link', true, ${at}, ${seq}, ${receiptId}, ${providerId}) RETURNING id`;
        const id = inserted[0]!.id;
        const finalId = await insertReceipt(tx, {
          id: receiptId,
          op: "add",
          oppositionId: id,
          phone,
          target,
          source: "link",
          seq,
          at,
        });
        if (finalId !== receiptId)
          await tx.$executeRaw`UPDATE oppositions SET receipt_id = ${finalId} WHERE id = ${id}`;
      }
    },
    { maxWait: 10_000, timeout: 20_000 },
  );
  complete.add(providerId);
}

/** A number of the ranges that is neither another canary nor anybody's real number. */
async function unusedNumber(tx: Tx, ranges: ReturnType<typeof parseCanaryRanges>): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const phone = drawCanaryNumber(ranges);
    const found = await tx.$queryRaw<{ used: boolean }[]>`
      SELECT EXISTS (SELECT 1 FROM oppositions WHERE phone = ${phone}) OR EXISTS (SELECT 1 FROM opposition_changes WHERE phone = ${phone}) AS used`;
    if (!found[0]!.used) return phone;
  }
  throw new Error("STOPSMS_CANARY_RANGES: no unused number found in 50 draws (the ranges are too small)");
}
