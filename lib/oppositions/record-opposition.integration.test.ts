import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { createSender, uniquePhone } from "@/lib/testing/fixtures";
import { findOppositionsInForce } from "./find-oppositions-in-force";
import { isReceiptId } from "./receipt-id";
import { recordOpposition } from "./record-opposition";
import { withdrawOpposition } from "./withdraw-opposition";

const ALL = { scope: "all", senderId: null } as const;

async function feedFor(phone: string) {
  return db().oppositionChange.findMany({ where: { phone }, orderBy: { seq: "asc" } });
}

describe("recordOpposition", () => {
  it("writes the row in force, one add change and a receipt together", async () => {
    const phone = uniquePhone();
    const result = await recordOpposition({ phone, target: ALL, source: "web", verified: false });
    expect(result.created).toBe(true);
    expect(isReceiptId(result.receipt.id)).toBe(true);
    expect(result.receipt).toMatchObject({ op: "add", phone, scope: "all", sender: null, source: "web" });

    const feed = await feedFor(phone);
    expect(feed.map((c) => c.op)).toEqual(["add"]);
    expect(feed[0]!.seq).toBe(result.receipt.seq);
    const inForce = await findOppositionsInForce(phone);
    expect(inForce).toHaveLength(1);
    expect(inForce[0]).toMatchObject({ scope: "all", receiptId: result.receipt.id, verified: false });
  });

  it("is a no-op returning the same receipt when already in force", async () => {
    const phone = uniquePhone();
    const first = await recordOpposition({ phone, target: ALL, source: "web", verified: false });
    const second = await recordOpposition({ phone, target: ALL, source: "link", verified: true });
    expect(second.created).toBe(false);
    expect(second.receipt.id).toBe(first.receipt.id);
    expect(await feedFor(phone)).toHaveLength(1);
  });

  it("keeps scopes apart: all, and one row per sender", async () => {
    const phone = uniquePhone();
    const [a, b] = [await createSender(), await createSender()];
    await recordOpposition({ phone, target: ALL, source: "web", verified: false });
    await recordOpposition({ phone, target: { scope: "sender", senderId: a.id }, source: "link", verified: true });
    await recordOpposition({ phone, target: { scope: "sender", senderId: b.id }, source: "keyword", verified: true });
    const inForce = await findOppositionsInForce(phone);
    expect(inForce.map((o) => [o.scope, o.sender?.code ?? null]).sort()).toEqual(
      [
        ["all", null],
        ["sender", a.code],
        ["sender", b.code],
      ].sort(),
    );
  });

  it("survives 50 parallel identical requests: one opposition, one feed row, one receipt", async () => {
    const phone = uniquePhone();
    const sender = await createSender();
    const target = { scope: "sender", senderId: sender.id } as const;
    const results = await Promise.all(
      Array.from({ length: 50 }, () => recordOpposition({ phone, target, source: "link", verified: true })),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.receipt.id)).size).toBe(1);
    expect(await feedFor(phone)).toHaveLength(1);
    expect(await db().opposition.count({ where: { phone } })).toBe(1);
    expect(await db().receipt.count({ where: { phone } })).toBe(1);
  });

  it("counts the opposition in the daily rollup", async () => {
    const sender = await createSender();
    const target = { scope: "sender", senderId: sender.id } as const;
    await recordOpposition({ phone: uniquePhone(), target, source: "link", verified: true });
    await recordOpposition({ phone: uniquePhone(), target, source: "link", verified: true });
    const stats = await db().dailyOppositionStat.findMany({ where: { senderId: sender.id } });
    expect(stats.reduce((sum, s) => sum + s.added, 0)).toBe(2);
  });

  it("refuses inconsistent input before writing anything", async () => {
    const phone = uniquePhone();
    await expect(
      recordOpposition({ phone: "0612345678", target: ALL, source: "web", verified: false }),
    ).rejects.toBeInstanceOf(DomainError);
    await expect(
      recordOpposition({ phone, target: { scope: "all", senderId: 3 } as never, source: "web", verified: false }),
    ).rejects.toBeInstanceOf(DomainError);
    expect(await feedFor(phone)).toHaveLength(0);
  });
});

describe("withdrawOpposition", () => {
  it("removes what is in force with a remove change, and a later add reuses the row", async () => {
    const phone = uniquePhone();
    const added = await recordOpposition({ phone, target: ALL, source: "web", verified: false });
    const withdrawn = await withdrawOpposition({ phone, target: ALL, source: "staff" });
    expect(withdrawn.withdrawn).toBe(true);
    expect(withdrawn.receipt).toMatchObject({ op: "remove", phone, scope: "all" });
    expect(await findOppositionsInForce(phone)).toEqual([]);

    const again = await recordOpposition({ phone, target: ALL, source: "web", verified: false });
    expect(again.created).toBe(true);
    expect(again.receipt.id).not.toBe(added.receipt.id);
    expect((await feedFor(phone)).map((c) => c.op)).toEqual(["add", "remove", "add"]);
    expect(await db().opposition.count({ where: { phone } })).toBe(1);
  });

  it("does nothing when nothing is in force", async () => {
    const phone = uniquePhone();
    expect(await withdrawOpposition({ phone, target: ALL, source: "web" })).toEqual({
      withdrawn: false,
      receipt: null,
    });
    expect(await feedFor(phone)).toHaveLength(0);
  });
});
