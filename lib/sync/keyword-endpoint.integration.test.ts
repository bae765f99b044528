// POST /api/v1/keywords through its route handler: STOP and START replies, and what a START may lift (docs/protocol.md 1.2).
import { describe, expect, it } from "vitest";
import { POST as keywords } from "@/app/api/v1/keywords/route";
import { db } from "@/lib/db/client";
import { recordOpposition } from "@/lib/oppositions/record-opposition";
import { createApiProvider, signedCall } from "@/lib/testing/api-client";
import { uniquePhone } from "@/lib/testing/fixtures";

describe("POST /keywords", () => {
  it("records STOP replies with the right scope and ignores other texts", async () => {
    const provider = await createApiProvider();
    const sender = provider.senders[0]!.code;
    const [a, b, c] = [uniquePhone(), uniquePhone(), uniquePhone()];
    const stop = await signedCall(keywords, provider, {
      path: "/keywords",
      body: { from: a, text: "Stop merci", sender, received_at: "2026-11-23T08:00:00Z" },
    });
    expect(stop.json).toEqual({ recorded: true, op: "add", scope: "sender", receipt: expect.stringMatching(/^R-/) });
    expect(
      (await signedCall(keywords, provider, { path: "/keywords", body: { from: b, text: "STOP ALL", sender } })).json
        .scope,
    ).toBe("all");
    expect(
      (await signedCall(keywords, provider, { path: "/keywords", body: { from: c, text: "توقف" } })).json.scope,
    ).toBe("all");
    expect((await signedCall(keywords, provider, { path: "/keywords", body: { from: c, text: "OUI" } })).json).toEqual({
      recorded: false,
      reason: "not-a-stop-word",
    });
    const row = await db().opposition.findFirstOrThrow({ where: { phone: a } });
    expect(row).toMatchObject({ source: "keyword", verified: true, scope: "sender" });
    expect(
      (await signedCall(keywords, provider, { path: "/keywords", body: { from: "12", text: "STOP" } })).response.status,
    ).toBe(422);
    expect(
      (
        await signedCall(keywords, provider, {
          path: "/keywords",
          body: { from: a, text: "STOP", sender: "someone-else" },
        })
      ).response.status,
    ).toBe(403);
  });

  it("lets START withdraw only the sender's own opposition, with reason withdrawn, and never a refusal of all senders", async () => {
    const provider = await createApiProvider();
    const sender = provider.senders[0]!.code;
    const [a, b, c] = [uniquePhone(), uniquePhone(), uniquePhone()];
    const call = (body: object) => signedCall(keywords, provider, { path: "/keywords", body });
    await call({ from: a, text: "STOP", sender });
    const start = await call({ from: a, text: "Réabonner", sender });
    expect(start.json).toEqual({
      recorded: true,
      op: "remove",
      scope: "sender",
      receipt: expect.stringMatching(/^R-/),
    });
    const changes = await db().oppositionChange.findMany({ where: { phone: a }, orderBy: { seq: "asc" } });
    expect(changes.map((c) => [c.op, c.reason, c.source])).toEqual([
      ["add", "opposed", "keyword"],
      ["remove", "withdrawn", "keyword"],
    ]);
    // A refusal of all senders stays, whatever START says.
    await call({ from: b, text: "STOP ALL", sender });
    expect((await call({ from: b, text: "START", sender })).json).toEqual({
      recorded: false,
      reason: "global",
    });
    expect(await db().opposition.count({ where: { phone: b, withdrawnAt: null } })).toBe(1);
    expect((await call({ from: c, text: "START", sender })).json).toEqual({
      recorded: false,
      reason: "nothing-to-withdraw",
    });
    const noSender = await call({ from: a, text: "START" });
    expect(noSender.response.status).toBe(422);
  });

  it("a provider's START lifts only what its own traffic recorded: never another provider's STOP, the web's or a link of another", async () => {
    // Two providers sending for the same sender (docs/protocol.md 1.2: the review lifted another's refusals).
    const mine = await createApiProvider();
    const sender = mine.senders[0]!;
    const theirs = await createApiProvider(0);
    await db().providerSender.create({ data: { providerId: theirs.id, senderId: sender.id } });
    const [byTheirStop, byWeb, byTheirLink, byMyLink] = [uniquePhone(), uniquePhone(), uniquePhone(), uniquePhone()];
    const call = (provider: typeof mine, body: object) => signedCall(keywords, provider, { path: "/keywords", body });
    await call(theirs, { from: byTheirStop, text: "STOP", sender: sender.code });
    await recordOpposition({
      phone: byWeb,
      target: { scope: "sender", senderId: sender.id },
      source: "web",
      verified: true,
    });
    await recordOpposition({
      phone: byTheirLink,
      target: { scope: "sender", senderId: sender.id },
      source: "link",
      verified: true,
      viaProviderId: theirs.id,
    });
    await recordOpposition({
      phone: byMyLink,
      target: { scope: "sender", senderId: sender.id },
      source: "link",
      verified: true,
      viaProviderId: mine.id,
    });
    for (const phone of [byTheirStop, byWeb, byTheirLink]) {
      expect((await call(mine, { from: phone, text: "START", sender: sender.code })).json, phone).toEqual({
        recorded: false,
        reason: "recorded-elsewhere",
      });
      expect(await db().opposition.count({ where: { phone, withdrawnAt: null } }), phone).toBe(1);
    }
    expect((await call(mine, { from: byMyLink, text: "START", sender: sender.code })).json).toMatchObject({
      recorded: true,
      op: "remove",
    });
    // Their own STOP is theirs to lift.
    expect((await call(theirs, { from: byTheirStop, text: "START", sender: sender.code })).json).toMatchObject({
      recorded: true,
    });
  });
});
