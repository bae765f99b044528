import { describe, expect, it } from "vitest";
import { createProvider, createSender, uniquePhone } from "@/lib/testing/fixtures";
import { db } from "@/lib/db/client";
import { changePageJson, changesOf, listChanges } from "./list-changes";
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
    const own = changesOf(page).filter((c) => c.phone === phone);
    expect(own.map((c) => [c.op, c.scope, c.sender])).toEqual([
      ["add", "sender", mine.code],
      ["add", "all", null],
      ["remove", "all", null],
    ]);
    expect(changesOf(page).some((c) => c.sender === theirs.code)).toBe(false);
    const seqs = changesOf(page).map((c) => c.seq);
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
      seen.push(
        ...changesOf(page)
          .filter((c) => c.sender === sender.code)
          .map((c) => c.phone),
      );
      after = page.next;
      if (!page.more) break;
    }
    expect(seen).toEqual(phones);
  });

  it("writes each change exactly as JSON.stringify of the row would (the page is JSON built by PostgreSQL)", async () => {
    const sender = await createSender();
    const provider = await createProvider([sender.id]);
    const start = (await listChanges({ providerId: provider.id, after: 0n, limit: 1 })).head;
    // A sender code and reason with characters JSON must escape, and sub-millisecond times.
    const odd = await db().sender.create({ data: { code: `q"u\\ote-${Date.now()}`, name: 'Odd "Sender"' } });
    await db().providerSender.create({ data: { providerId: provider.id, senderId: odd.id } });
    for (const target of [
      { scope: "sender" as const, senderId: sender.id },
      { scope: "sender" as const, senderId: odd.id },
      { scope: "all" as const, senderId: null },
    ])
      await recordOpposition({ phone: uniquePhone(), target, source: "web", verified: false });
    const page = await listChanges({ providerId: provider.id, after: start, limit: 10_000 });
    const rows = await db().oppositionChange.findMany({
      where: {
        seq: { gt: start, lte: page.head },
        OR: [{ senderId: null }, { senderId: { in: [sender.id, odd.id] } }],
      },
      orderBy: { seq: "asc" },
    });
    const codes = new Map([
      [sender.id, sender.code],
      [odd.id, odd.code],
    ]);
    const expected = rows
      .filter((row) => row.canaryProviderId === null || row.canaryProviderId === provider.id)
      .map((row) =>
        JSON.stringify({
          seq: Number(row.seq),
          op: row.op,
          reason: row.reason,
          phone: row.phone,
          scope: row.scope,
          sender: row.senderId === null ? null : codes.get(row.senderId),
          at: row.at.toISOString(),
          index: Number(row.logIndex),
          salt: row.salt,
        }),
      );
    expect(page.changesJson).toBe(expected.join(","));
    expect(JSON.parse(changePageJson(page))).toEqual({
      changes: changesOf(page),
      next: Number(page.next),
      more: false,
      head: Number(page.head),
    });
  });
});
