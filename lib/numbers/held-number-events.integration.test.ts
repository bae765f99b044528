import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";
import { findOppositionsInForce } from "@/lib/oppositions/find-oppositions-in-force";
import { recordOpposition } from "@/lib/oppositions/record-opposition";
import { createApiOperator } from "@/lib/testing/api-client";
import { backdateOppositions, uniquePhone } from "@/lib/testing/fixtures";
import { applyNumberEvents } from "./apply-number-events";
import { restoreEndedOpposition } from "./restore-ended-opposition";
import { reviewHeldNumberEvents } from "./review-held-events";
import { lookUpNumber } from "./look-up-number";

const actor: Actor = { kind: "cli", label: "test" };
const at = () => new Date(Date.now() - 60_000).toISOString();

async function opposedPhones(n: number): Promise<string[]> {
  const phones = Array.from({ length: n }, uniquePhone);
  for (const phone of phones) {
    await recordOpposition({ phone, target: { scope: "all", senderId: null }, source: "web", verified: true });
    await backdateOppositions(phone);
  }
  return phones;
}

describe("an operator's disconnections past the daily review threshold wait for staff", () => {
  it("holds what passes the threshold (202 held: n, integrity alert), then applies it on approval or never on rejection", async () => {
    const phones = await opposedPhones(5);
    const operator = await createApiOperator(phones);
    const caller = { providerId: operator.id, keyid: operator.keyid, providerKind: "operator" };
    const events = phones.map((phone) => ({ phone, event: "disconnected" as const, at: at() }));
    const first = await applyNumberEvents(caller, events.slice(0, 3), { defaultRegion: "MA", reviewPerDay: 2 });
    expect(first).toMatchObject({ accepted: 2, ended: 2, held: 1 });
    const second = await applyNumberEvents(caller, events.slice(3), { defaultRegion: "MA", reviewPerDay: 2 });
    expect(second).toMatchObject({ accepted: 0, ended: 0, held: 2 });
    for (const phone of phones.slice(2)) expect(await findOppositionsInForce(phone)).toHaveLength(1);

    const alerts = await db().integrityAlert.findMany({
      where: { callerProviderId: operator.id, kind: "number-events-held" },
      orderBy: { id: "asc" },
    });
    expect(alerts).toHaveLength(2);
    const approved = await reviewHeldNumberEvents(actor, String(alerts[0]!.id), "approve");
    expect(approved).toEqual({ events: 1, ended: 1, restored: 0 });
    expect(await findOppositionsInForce(phones[2]!)).toEqual([]);
    const rejected = await reviewHeldNumberEvents(actor, String(alerts[1]!.id), "reject");
    expect(rejected).toEqual({ events: 2, ended: 0, restored: 0 });
    for (const phone of phones.slice(3)) expect(await findOppositionsInForce(phone)).toHaveLength(1);
    await expect(reviewHeldNumberEvents(actor, String(alerts[1]!.id), "approve")).rejects.toThrow(/no held events/);
    const audit = await db().auditLog.findMany({ where: { targetId: { in: alerts.map((a) => String(a.id)) } } });
    expect(audit.map((a) => a.action).sort()).toEqual(["number-events.approve", "number-events.reject"]);
  });

  it("staff restore a refusal an operator's disconnection ended, once, audited; the number search lists it", async () => {
    const [phone] = await opposedPhones(1);
    const operator = await createApiOperator([phone!]);
    const caller = { providerId: operator.id, keyid: operator.keyid, providerKind: "operator" };
    await applyNumberEvents(caller, [{ phone: phone!, event: "disconnected", at: at() }], {
      defaultRegion: "MA",
      reviewPerDay: 1000,
    });
    expect(await findOppositionsInForce(phone!)).toEqual([]);
    const ended = (await lookUpNumber(actor, phone!)).oppositions.filter((o) => o.restorable);
    expect(ended).toHaveLength(1);
    expect(await restoreEndedOpposition(actor, ended[0]!.id)).toEqual({ phone });
    expect(await findOppositionsInForce(phone!)).toHaveLength(1);
    const change = await db().oppositionChange.findFirst({ where: { phone }, orderBy: { seq: "desc" } });
    expect(change).toMatchObject({ op: "add", reason: "reinstated" });
    await expect(restoreEndedOpposition(actor, ended[0]!.id)).rejects.toThrow(/no opposition ended/);
    expect(await db().auditLog.count({ where: { action: "opposition.restore", targetId: ended[0]!.id } })).toBe(1);
  });
});
