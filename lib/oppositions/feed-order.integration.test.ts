import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { createProvider, uniquePhone } from "@/lib/testing/fixtures";
import { changesOf, listChanges } from "./list-changes";
import * as receiptIds from "./receipt-id";
import { recordOpposition } from "./record-opposition";

const ALL = { scope: "all", senderId: null } as const;

describe("the feed under concurrent opt-outs", () => {
  it("never lets a reader pass over a change still being written (32 writers, a reader following the feed)", async () => {
    // A few milliseconds between a change's seq and its commit, as a loaded server has: without the feed lock
    // a later seq then commits first, and this test fails (checked by removing the lock). BEFORE, and named
    // to fire before the transparency log's trigger, whose row lock would otherwise order the writers.
    await db().$executeRawUnsafe(`CREATE OR REPLACE FUNCTION test_feed_delay() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_sleep(random() * 0.004); RETURN NEW; END $$`);
    await db().$executeRawUnsafe(`CREATE TRIGGER a_test_feed_delay BEFORE INSERT ON opposition_changes FOR EACH ROW
      WHEN (NEW.source = 'keyword') EXECUTE FUNCTION test_feed_delay()`);
    const provider = await createProvider();
    const phones = Array.from({ length: 400 }, () => uniquePhone());
    const start = (await listChanges({ providerId: provider.id, after: 0n, limit: 1 })).head;
    const seen = new Set<string>();
    let cursor = start;
    let writing = true;
    // The reader does what a provider does: pages from its cursor, then resumes at `next`.
    const reader = (async () => {
      while (writing) {
        const page = await listChanges({ providerId: provider.id, after: cursor, limit: 10_000 });
        for (const change of changesOf(page)) seen.add(change.phone);
        cursor = page.next;
      }
    })();
    const queue = [...phones];
    try {
      await Promise.all(
        Array.from({ length: 32 }, async () => {
          for (let phone = queue.pop(); phone; phone = queue.pop())
            await recordOpposition({ phone, target: ALL, source: "keyword", verified: false });
        }),
      );
    } finally {
      writing = false;
      await reader;
      await db().$executeRawUnsafe("DROP TRIGGER a_test_feed_delay ON opposition_changes");
    }
    const last = await listChanges({ providerId: provider.id, after: cursor, limit: 10_000 });
    for (const change of changesOf(last)) seen.add(change.phone);
    expect(phones.filter((phone) => !seen.has(phone))).toEqual([]);
    const seqs = await db().oppositionChange.findMany({ where: { phone: { in: phones } }, select: { seq: true } });
    expect(seqs).toHaveLength(phones.length);
  });

  it("writes nothing twice when a random receipt id collides: it tries again with another", async () => {
    const first = await recordOpposition({ phone: uniquePhone(), target: ALL, source: "web", verified: false });
    const spy = vi.spyOn(receiptIds, "generateReceiptId").mockReturnValueOnce(first.receipt.id);
    const phone = uniquePhone();
    const second = await recordOpposition({ phone, target: ALL, source: "link", verified: true });
    expect(spy).toHaveBeenCalledTimes(2);
    expect(second.created).toBe(true);
    expect(second.receipt.id).not.toBe(first.receipt.id);
    expect(await db().oppositionChange.count({ where: { phone } })).toBe(1);
    expect(await db().receipt.count({ where: { phone } })).toBe(1);
    spy.mockRestore();
  });
});
