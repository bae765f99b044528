import "server-only";
import { db } from "@/lib/db/client";
import { lockFeed } from "@/lib/oppositions/feed-lock";
import { appendChange } from "@/lib/oppositions/write-change";

/**
 * A provider loading the shared snapshot files (which carry no canary) at feed seq `at` must still get its
 * canaries: those written at or before `at` are announced again, as new `add` changes of its own feed
 * after `at` — like any refusal arriving meanwhile, so nothing tells them apart. Adding what is already
 * in force changes nothing in a list, nor in the rows in force (their last change moves on).
 */
export async function reannounceCanaries(providerId: number, at: bigint): Promise<number> {
  const stale = await db().$queryRaw<{ id: bigint; phone: string }[]>`
    SELECT id, phone FROM oppositions
    WHERE canary_provider_id = ${providerId} AND withdrawn_at IS NULL AND last_seq <= ${at}`;
  if (stale.length === 0) return 0;
  await db().$transaction(async (tx) => {
    await lockFeed(tx);
    for (const canary of stale) {
      const { seq } = await appendChange(tx, {
        op: "add",
        reason: "opposed",
        phone: canary.phone,
        target: { scope: "all", senderId: null },
        source: "link",
        canaryProviderId: providerId,
      });
      await tx.$executeRaw`UPDATE oppositions SET last_seq = ${seq} WHERE id = ${canary.id}`;
    }
  });
  return stale.length;
}
