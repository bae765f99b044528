import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createSender, uniquePhone } from "@/lib/testing/fixtures";
import { addOpposition, type AddRequest } from "./add-in-batches";
import { generateReceiptId } from "./receipt-id";
import { recordOpposition } from "./record-opposition";
import { withdrawOpposition } from "./withdraw-opposition";

const ALL = { scope: "all", senderId: null } as const;
const request = (phone: string, target: AddRequest["target"] = ALL): AddRequest => ({
  phone,
  target,
  source: "web",
  verified: false,
  receiptId: generateReceiptId(),
});

/** The transactions that wrote these numbers' feed changes (one per batch). */
async function transactionsOf(phones: string[]): Promise<number> {
  const rows = await db().$queryRawUnsafe<{ n: number }[]>(
    "SELECT count(DISTINCT xmin::text)::int AS n FROM opposition_changes WHERE phone = ANY($1)",
    phones,
  );
  return rows[0]!.n;
}

describe("group commit of opt-outs", () => {
  it("writes opt-outs that arrive together in one transaction, each with its own change, row and receipt", async () => {
    const phones = Array.from({ length: 40 }, () => uniquePhone());
    const outcomes = await Promise.all(phones.map((phone) => addOpposition(request(phone))));
    expect(outcomes.every((outcome) => outcome.kind === "added")).toBe(true);
    expect(new Set(outcomes.map((outcome) => outcome.receiptId)).size).toBe(40);
    // Two writes start at once (the first two opt-outs, alone); the 38 that waited go together.
    expect(await transactionsOf(phones)).toBeLessThanOrEqual(3);
    const changes = await db().oppositionChange.findMany({ where: { phone: { in: phones } }, orderBy: { seq: "asc" } });
    // The first two were written alone, at once (in either order); the batch that followed keeps arrival order.
    expect(changes.map((change) => change.phone).slice(2)).toEqual(phones.slice(2));
    const byPhone = new Map(changes.map((change) => [change.phone, change]));
    for (const [i, phone] of phones.entries()) {
      const receipt = await db().receipt.findUniqueOrThrow({ where: { id: outcomes[i]!.receiptId } });
      expect(receipt).toMatchObject({ phone, op: "add", seq: byPhone.get(phone)!.seq });
      const row = await db().opposition.findFirstOrThrow({ where: { phone } });
      expect(row).toMatchObject({ receiptId: receipt.id, withdrawnAt: null, lastSeq: byPhone.get(phone)!.seq });
    }
  });

  it("answers duplicates in one batch as if in turn: one write, the others find it in force", async () => {
    const sender = await createSender();
    const phone = uniquePhone();
    const mine = { scope: "sender", senderId: sender.id } as const;
    const outcomes = await Promise.all([
      addOpposition(request(uniquePhone())),
      addOpposition(request(uniquePhone())),
      ...Array.from({ length: 5 }, () => addOpposition(request(phone, mine))),
      addOpposition(request(phone)),
    ]);
    const same = outcomes.slice(2, 7);
    expect(same[0]!.kind).toBe("added");
    expect(same.slice(1)).toEqual(Array(4).fill({ kind: "in-force", receiptId: same[0]!.receiptId }));
    expect(outcomes[7]!.kind).toBe("added"); // all senders: another target
    expect(await db().oppositionChange.count({ where: { phone } })).toBe(2);
    expect(await db().receipt.count({ where: { phone } })).toBe(2);
  });

  it("revives a withdrawn opposition and creates a new one in the same batch", async () => {
    const returning = uniquePhone();
    await recordOpposition({ phone: returning, target: ALL, source: "web", verified: false });
    await withdrawOpposition({ phone: returning, target: ALL, source: "web" });
    const fresh = uniquePhone();
    const outcomes = await Promise.all(
      [uniquePhone(), uniquePhone(), returning, fresh].map((phone) => addOpposition(request(phone))),
    );
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(["added", "added", "added", "added"]);
    const revived = await db().opposition.findFirstOrThrow({ where: { phone: returning } });
    expect(revived).toMatchObject({ withdrawnAt: null, endedReason: null, receiptId: outcomes[2]!.receiptId });
    expect(await db().opposition.count({ where: { phone: returning } })).toBe(1);
    const feed = await db().oppositionChange.findMany({ where: { phone: returning }, orderBy: { seq: "asc" } });
    expect(feed.map((c) => c.op)).toEqual(["add", "remove", "add"]);
  });

  it("fails only the opt-out whose receipt id collides; the rest of its batch is written", async () => {
    const taken = (await recordOpposition({ phone: uniquePhone(), target: ALL, source: "web", verified: false }))
      .receipt.id;
    const phones = Array.from({ length: 6 }, () => uniquePhone());
    const results = await Promise.allSettled(
      phones.map((phone, i) => addOpposition({ ...request(phone), ...(i === 4 ? { receiptId: taken } : {}) })),
    );
    expect(results.map((result) => result.status)).toEqual([
      "fulfilled",
      "fulfilled",
      "fulfilled",
      "fulfilled",
      "rejected",
      "fulfilled",
    ]);
    expect(await db().oppositionChange.count({ where: { phone: { in: phones } } })).toBe(5);
    expect(await db().oppositionChange.count({ where: { phone: phones[4]! } })).toBe(0);
  });

  it("keeps the daily count: one per opt-out written, none for one found in force", async () => {
    const sender = await createSender();
    const mine = { scope: "sender", senderId: sender.id } as const;
    const phones = Array.from({ length: 12 }, () => uniquePhone());
    await Promise.all([...phones, phones[0]!].map((phone) => addOpposition(request(phone, mine))));
    const rows = await db().$queryRawUnsafe<{ n: number }[]>(
      "SELECT coalesce(sum(added), 0)::int AS n FROM daily_opposition_stats WHERE sender_id = $1",
      sender.id,
    );
    expect(rows[0]!.n).toBe(12);
  });
});
