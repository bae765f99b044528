import { describe, expect, it } from "vitest";
import { createProvider, createSender, uniquePhone } from "@/lib/testing/fixtures";
import { listChanges } from "./list-changes";
import { recordOpposition } from "./record-opposition";
import { withdrawOpposition } from "./withdraw-opposition";

describe("listChanges", () => {
  it("gives a provider every 'all' change and only its own senders' changes, in seq order", async () => {
    const [mine, theirs] = [await createSender(), await createSender()];
    const provider = await createProvider([mine.id]);
    const start = (await listChanges({ providerId: provider.id, after: 0n, limit: 1 })).head;

    const phone = uniquePhone();
    await recordOpposition({ phone, target: { scope: "sender", senderId: mine.id }, source: "link", verified: true });
    await recordOpposition({ phone, target: { scope: "sender", senderId: theirs.id }, source: "link", verified: true });
    await recordOpposition({ phone, target: { scope: "all", senderId: null }, source: "web", verified: false });
    await withdrawOpposition({ phone, target: { scope: "all", senderId: null }, source: "web" });

    const page = await listChanges({ providerId: provider.id, after: start, limit: 10_000 });
    const own = page.changes.filter((c) => c.phone === phone);
    expect(own.map((c) => [c.op, c.scope, c.sender])).toEqual([
      ["add", "sender", mine.code],
      ["add", "all", null],
      ["remove", "all", null],
    ]);
    expect(page.changes.some((c) => c.sender === theirs.code)).toBe(false);
    const seqs = page.changes.map((c) => c.seq);
    expect([...seqs].sort((a, b) => (a < b ? -1 : 1))).toEqual(seqs);
    expect(page.more).toBe(false);
    expect(page.next).toBe(page.head);
  });

  it("pages with limit and more, resuming from next without loss or repeat", async () => {
    const sender = await createSender();
    const provider = await createProvider([sender.id]);
    const start = (await listChanges({ providerId: provider.id, after: 0n, limit: 1 })).head;
    const phones = Array.from({ length: 7 }, uniquePhone);
    for (const phone of phones) {
      await recordOpposition({
        phone,
        target: { scope: "sender", senderId: sender.id },
        source: "link",
        verified: true,
      });
    }
    const seen: string[] = [];
    let after = start;
    for (let guard = 0; guard < 100; guard++) {
      const page = await listChanges({ providerId: provider.id, after, limit: 2 });
      seen.push(...page.changes.filter((c) => c.sender === sender.code).map((c) => c.phone));
      after = page.next;
      if (!page.more) break;
    }
    expect(seen).toEqual(phones);
  });
});
