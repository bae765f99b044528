import { describe, expect, it } from "vitest";
import { POST as numberEvents } from "@/app/api/v1/numbers/events/route";
import { db } from "@/lib/db/client";
import { findOppositionsInForce } from "@/lib/oppositions/find-oppositions-in-force";
import { loadReceipt } from "@/lib/oppositions/load-receipt";
import { recordOpposition } from "@/lib/oppositions/record-opposition";
import { createApiProvider, signedCall, type TestProvider } from "@/lib/testing/api-client";
import { createSender, uniquePhone } from "@/lib/testing/fixtures";
import { verifyLog } from "@/lib/transparency-log/verify-log";

async function createOperator(): Promise<TestProvider> {
  const operator = await createApiProvider(0);
  await db().provider.update({ where: { id: operator.id }, data: { kind: "operator" } });
  return operator;
}

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
const post = (operator: TestProvider, events: { phone: string; event: string; at: string }[]) =>
  signedCall(numberEvents, operator, { path: "/numbers/events", body: { events } });

async function feedFor(phone: string) {
  return db().oppositionChange.findMany({
    where: { phone },
    orderBy: { seq: "asc" },
    select: { op: true, reason: true, scope: true, senderId: true },
  });
}

describe("POST /numbers/events", () => {
  it("disconnected ends every opposition on the number, global and per sender, in the feed; the receipt says so; a replayed batch does nothing", async () => {
    const operator = await createOperator();
    const sender = await createSender();
    const phone = uniquePhone();
    const global = await recordOpposition({
      phone,
      target: { scope: "all", senderId: null },
      source: "web",
      verified: true,
    });
    await recordOpposition({ phone, target: { scope: "sender", senderId: sender.id }, source: "link", verified: true });

    const batch = [{ phone: `0${phone.slice(4)}`, event: "disconnected", at: hoursAgo(2) }];
    const first = await post(operator, batch);
    expect(first.response.status).toBe(200);
    expect(first.json).toEqual({ accepted: 1, ended: 2, restored: 0, invalid: [] });
    expect(await findOppositionsInForce(phone)).toEqual([]);
    const feed = await feedFor(phone);
    expect(
      feed
        .slice(2)
        .map((c) => [c.op, c.reason, c.scope])
        .sort(),
    ).toEqual([
      ["remove", "number-disconnected", "all"],
      ["remove", "number-disconnected", "sender"],
    ]);
    const receipt = await loadReceipt(global.receipt.id);
    expect(receipt!.endedByDisconnection).toBeInstanceOf(Date);

    const replay = await post(operator, batch);
    expect(replay.json).toEqual({ accepted: 1, ended: 0, restored: 0, invalid: [] });
    expect(await feedFor(phone)).toHaveLength(4);
    const stored = await db().numberEvent.findMany({ where: { phone } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      event: "disconnected",
      providerId: operator.id,
      keyid: operator.keyid,
      ended: 2,
    });
  });

  it("reinstated restores exactly what that disconnection ended (not a new subscriber's own refusal), once", async () => {
    const operator = await createOperator();
    const [first, second] = [await createSender(), await createSender()];
    const phone = uniquePhone();
    await recordOpposition({ phone, target: { scope: "all", senderId: null }, source: "web", verified: true });
    await recordOpposition({ phone, target: { scope: "sender", senderId: first.id }, source: "link", verified: true });
    await post(operator, [{ phone, event: "disconnected", at: hoursAgo(5) }]);
    // Meanwhile the number's next holder refuses one sender themselves.
    await recordOpposition({
      phone,
      target: { scope: "sender", senderId: first.id },
      source: "keyword",
      verified: true,
    });
    await recordOpposition({
      phone,
      target: { scope: "sender", senderId: second.id },
      source: "keyword",
      verified: true,
    });

    const reinstated = await post(operator, [{ phone, event: "reinstated", at: hoursAgo(1) }]);
    expect(reinstated.json).toEqual({ accepted: 1, ended: 0, restored: 1, invalid: [] });
    expect((await findOppositionsInForce(phone)).map((o) => o.scope).sort()).toEqual(["all", "sender", "sender"]);
    expect((await feedFor(phone)).at(-1)).toMatchObject({ op: "add", reason: "reinstated", scope: "all" });

    const again = await post(operator, [{ phone, event: "reinstated", at: hoursAgo(0.5) }]);
    expect(again.json.restored).toBe(0);
    expect(await db().numberEvent.count({ where: { phone, undoes: { not: null } } })).toBe(1);
  });

  it("refuses to reinstate after 90 days; ported changes nothing; a disconnect and its reinstatement in one batch cancel out", async () => {
    const operator = await createOperator();
    const [old, ported, both] = [uniquePhone(), uniquePhone(), uniquePhone()];
    for (const phone of [old, ported, both])
      await recordOpposition({ phone, target: { scope: "all", senderId: null }, source: "web", verified: true });
    await post(operator, [{ phone: old, event: "disconnected", at: hoursAgo(24 * 100) }]);
    const late = await post(operator, [{ phone: old, event: "reinstated", at: hoursAgo(1) }]);
    expect(late.json).toMatchObject({ accepted: 1, restored: 0 });
    expect(await findOppositionsInForce(old)).toEqual([]);

    const portedAnswer = await post(operator, [{ phone: ported, event: "ported", at: hoursAgo(1) }]);
    expect(portedAnswer.json).toEqual({ accepted: 1, ended: 0, restored: 0, invalid: [] });
    expect(await findOppositionsInForce(ported)).toHaveLength(1);

    const pair = await post(operator, [
      { phone: both, event: "disconnected", at: hoursAgo(3) },
      { phone: both, event: "reinstated", at: hoursAgo(2) },
    ]);
    expect(pair.json).toEqual({ accepted: 2, ended: 1, restored: 1, invalid: [] });
    expect(await findOppositionsInForce(both)).toHaveLength(1);
    // The set-based path extends the transparency log exactly as the trigger would.
    expect((await verifyLog()).problems).toEqual([]);
  });

  it("is for operators only (403), reports invalid numbers and future times, and validates the body (422)", async () => {
    const provider = await createApiProvider();
    const refused = await post(provider, [{ phone: uniquePhone(), event: "disconnected", at: hoursAgo(1) }]);
    expect(refused.response.status).toBe(403);
    expect(refused.json.code).toBe("forbidden");

    const operator = await createOperator();
    const mixed = await post(operator, [
      { phone: "12", event: "disconnected", at: hoursAgo(1) },
      { phone: uniquePhone(), event: "disconnected", at: new Date(Date.now() + 3_600_000).toISOString() },
      { phone: uniquePhone(), event: "ported", at: hoursAgo(1) },
    ]);
    expect(mixed.json).toMatchObject({
      accepted: 1,
      invalid: [{ input: "12", reason: "too-short" }, { reason: "future" }],
    });
    expect((await post(operator, [{ phone: uniquePhone(), event: "stolen", at: hoursAgo(1) }])).response.status).toBe(
      422,
    );
    expect(
      (await signedCall(numberEvents, operator, { path: "/numbers/events", body: { events: [] } })).response.status,
    ).toBe(422);
  });
});
