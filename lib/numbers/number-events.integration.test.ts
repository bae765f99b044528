import { describe, expect, it } from "vitest";
import { POST as numberEvents } from "@/app/api/v1/numbers/events/route";
import { db } from "@/lib/db/client";
import { findOppositionsInForce } from "@/lib/oppositions/find-oppositions-in-force";
import { loadReceipt } from "@/lib/oppositions/load-receipt";
import { recordOpposition } from "@/lib/oppositions/record-opposition";
import { createApiOperator, createApiProvider, signedCall, type TestProvider } from "@/lib/testing/api-client";
import { backdateOppositions, createSender, uniquePhone, uniqueSlug } from "@/lib/testing/fixtures";
import { createListSource } from "@/lib/sources/create-list-source";
import { verifyLog } from "@/lib/transparency-log/verify-log";

const createOperator = createApiOperator;

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
const post = (operator: TestProvider, events: { phone: string; event: string; at: string; to?: string }[]) =>
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
    const sender = await createSender();
    const phone = uniquePhone();
    const operator = await createOperator([phone]);
    const global = await recordOpposition({
      phone,
      target: { scope: "all", senderId: null },
      source: "web",
      verified: true,
    });
    await recordOpposition({ phone, target: { scope: "sender", senderId: sender.id }, source: "link", verified: true });
    await backdateOppositions(phone);

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
    const [first, second] = [await createSender(), await createSender()];
    const phone = uniquePhone();
    const operator = await createOperator([phone]);
    await recordOpposition({ phone, target: { scope: "all", senderId: null }, source: "web", verified: true });
    await recordOpposition({ phone, target: { scope: "sender", senderId: first.id }, source: "link", verified: true });
    await backdateOppositions(phone);
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

  it("ends and reinstates a number's refusals of list sources too, each its own (two sources: two changes each way)", async () => {
    // Provenance (1.2) found by reading: the set-based path wrote changes without their list source, so a
    // disconnection of a number that refused a source broke the scope check (500) or matched every source.
    const cli = { kind: "cli", label: "test" } as const;
    const sources = [
      await createListSource(cli, { code: uniqueSlug("broker"), name: "Broker A", kind: "broker" }),
      await createListSource(cli, { code: uniqueSlug("partner"), name: "Partner B", kind: "partner" }),
    ];
    const phone = uniquePhone();
    const operator = await createOperator([phone]);
    for (const source of sources)
      await recordOpposition({
        phone,
        target: { scope: "source", senderId: null, listSourceId: source.id },
        source: "link",
        verified: true,
      });
    await backdateOppositions(phone);

    const ended = await post(operator, [{ phone, event: "disconnected", at: hoursAgo(3) }]);
    expect(ended.json).toEqual({ accepted: 1, ended: 2, restored: 0, invalid: [] });
    const removes = await db().oppositionChange.findMany({ where: { phone, op: "remove" }, orderBy: { seq: "asc" } });
    expect(removes.map((c) => c.listSourceId).sort()).toEqual(sources.map((s) => s.id).sort());
    expect(await findOppositionsInForce(phone)).toEqual([]);

    const restored = await post(operator, [{ phone, event: "reinstated", at: hoursAgo(1) }]);
    expect(restored.json).toEqual({ accepted: 1, ended: 0, restored: 2, invalid: [] });
    expect((await findOppositionsInForce(phone)).map((o) => o.listSource!.id).sort()).toEqual(
      sources.map((s) => s.id).sort(),
    );
    expect((await verifyLog()).problems).toEqual([]);
    const rollups = await db().dailyOppositionStat.findMany({
      where: { listSourceId: { in: sources.map((s) => s.id) } },
    });
    expect(rollups.map((r) => [r.listSourceId, r.added, r.ended, r.reinstated]).sort()).toEqual(
      sources.map((s) => [s.id, 1, 1, 1]).sort(),
    );
  });

  it("refuses to reinstate 90 days after the disconnection was recorded; a disconnect and its reinstatement in one batch cancel out", async () => {
    const [old, both] = [uniquePhone(), uniquePhone()];
    const operator = await createOperator([old, both]);
    for (const phone of [old, both]) {
      await recordOpposition({ phone, target: { scope: "all", senderId: null }, source: "web", verified: true });
      await backdateOppositions(phone);
    }
    await post(operator, [{ phone: old, event: "disconnected", at: hoursAgo(1) }]);
    await db().$executeRaw`UPDATE number_events SET received_at = now() - interval '91 days' WHERE phone = ${old}`;
    const late = await post(operator, [{ phone: old, event: "reinstated", at: hoursAgo(0.5) }]);
    expect(late.json).toMatchObject({ accepted: 1, restored: 0 });
    expect(await findOppositionsInForce(old)).toEqual([]);

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

    const owned = uniquePhone();
    const operator = await createOperator([owned]);
    const mixed = await post(operator, [
      { phone: "12", event: "disconnected", at: hoursAgo(1) },
      { phone: owned, event: "disconnected", at: hoursAgo(1) },
    ]);
    expect(mixed.json).toMatchObject({ accepted: 1, invalid: [{ input: "12", reason: "too-short" }] });
    const ported = await post(operator, [{ phone: owned, event: "ported", at: hoursAgo(1) }]);
    expect(ported.response.status).toBe(422);
    expect(JSON.stringify(ported.json)).toContain("ported needs the receiving operator");
    expect((await post(operator, [{ phone: uniquePhone(), event: "stolen", at: hoursAgo(1) }])).response.status).toBe(
      422,
    );
    expect(
      (await signedCall(numberEvents, operator, { path: "/numbers/events", body: { events: [] } })).response.status,
    ).toBe(422);
  });
});

describe("an operator acts only on its own numbers, on recent facts, at a volume staff can review (docs/protocol.md 1.2)", () => {
  it("a fresh operator cannot end anyone's refusals: numbers outside its ranges refuse the whole call (422 number-not-owned)", async () => {
    const [mine, theirs] = [uniquePhone(), uniquePhone()];
    for (const phone of [mine, theirs])
      await recordOpposition({ phone, target: { scope: "all", senderId: null }, source: "web", verified: true });
    const operator = await createOperator([mine]);
    const stranger = await createOperator();
    const refused = await post(stranger, [{ phone: theirs, event: "disconnected", at: hoursAgo(1) }]);
    expect(refused.response.status).toBe(422);
    expect(refused.json).toMatchObject({ code: "number-not-owned", numbers: [theirs] });
    // All or nothing: the operator's own number in the same call is not applied either.
    const mixed = await post(operator, [
      { phone: mine, event: "disconnected", at: hoursAgo(1) },
      { phone: theirs, event: "disconnected", at: hoursAgo(1) },
    ]);
    expect(mixed.response.status).toBe(422);
    expect(mixed.json.numbers).toEqual([theirs]);
    expect(await findOppositionsInForce(mine)).toHaveLength(1);
    expect(await findOppositionsInForce(theirs)).toHaveLength(1);
    expect(await db().numberEvent.count({ where: { phone: { in: [mine, theirs] } } })).toBe(0);
  });

  it("refuses a backdated or future `at` (422 at-out-of-range); disconnected ends only the refusals recorded before `at`", async () => {
    const phone = uniquePhone();
    const operator = await createOperator([phone]);
    await recordOpposition({ phone, target: { scope: "all", senderId: null }, source: "web", verified: true });
    for (const at of ["2020-01-01T00:00:00Z", hoursAgo(24 * 8), new Date(Date.now() + 3_600_000).toISOString()]) {
      const answer = await post(operator, [{ phone, event: "disconnected", at }]);
      expect(answer.response.status, at).toBe(422);
      expect(answer.json.code, at).toBe("at-out-of-range");
    }
    // The refusal was recorded just now, after the disconnection the operator reports: the new holder's own.
    const earlier = await post(operator, [{ phone, event: "disconnected", at: hoursAgo(1) }]);
    expect(earlier.json).toMatchObject({ accepted: 1, ended: 0 });
    expect(await findOppositionsInForce(phone)).toHaveLength(1);
  });

  it("ported hands the number to the receiving operator: the giving one can no longer act on it, the receiving one can", async () => {
    const phone = uniquePhone();
    const giving = await createOperator([phone]);
    const receiving = await createOperator();
    await recordOpposition({ phone, target: { scope: "all", senderId: null }, source: "web", verified: true });
    const ported = await post(giving, [{ phone, event: "ported", at: hoursAgo(2), to: receiving.slug }]);
    expect(ported.json).toEqual({ accepted: 1, ended: 0, restored: 0, invalid: [] });
    expect(await findOppositionsInForce(phone)).toHaveLength(1);
    const after = await post(giving, [{ phone, event: "disconnected", at: new Date().toISOString() }]);
    expect(after.json).toMatchObject({ code: "number-not-owned", numbers: [phone] });
    await backdateOppositions(phone);
    const byReceiver = await post(receiving, [{ phone, event: "disconnected", at: new Date().toISOString() }]);
    expect(byReceiver.json).toMatchObject({ accepted: 1, ended: 1 });
    const unknown = await post(receiving, [{ phone, event: "ported", at: hoursAgo(0), to: "no-such-operator" }]);
    expect(unknown.response.status).toBe(422);
  });
});
