import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/client";
import { mintLinks } from "@/lib/links/mint-links";
import { recordOpposition } from "@/lib/oppositions/record-opposition";
import { createListSource } from "@/lib/sources/create-list-source";
import { TEST_DECLARATION } from "@/lib/testing/declaration";
import { createApiOperator, createApiProvider } from "@/lib/testing/api-client";
import { backdateOppositions, uniquePhone, uniqueSlug } from "@/lib/testing/fixtures";
import { startAppServer } from "@/scripts/lib/app-server";
import { ADVERSARIAL_ENV, cli, form, inForce, signed } from "./adversarial-parties";
import { recordResult } from "./results";

// The adversarial suite: two operators, three providers (two sending for the same sender) and citizens; each
// party tries the others' actions on the others' objects, through the production server (citizens, visitors
// and staff against the others: adversarial-visitors.hardening.test.ts). Every attack must be refused or have
// no effect, and the legitimate party must not be hurt. Each outcome is written to docs/reliability.md by the run.

const PORT = 3251;
const outcomes: Record<string, string> = {};
const outcome = (attack: string, result: string) => (outcomes[attack] = result);

describe("the adversarial suite: every party against every other", () => {
  it("refuses each party's actions on another's objects, at a bounded cost, without hurting the legitimate party", async () => {
    const server = await startAppServer(inject("databaseUrl"), PORT, ADVERSARIAL_ENV);
    try {
      // Parties. Citizens' numbers: some belong to operator 1, some to operator 2.
      const [alice, bob, carol, dave] = [uniquePhone(), uniquePhone(), uniquePhone(), uniquePhone()];
      const mass = Array.from({ length: 6 }, uniquePhone);
      const op1 = await createApiOperator([alice, ...mass]);
      const op2 = await createApiOperator([bob]);
      const a = await createApiProvider();
      const sender = a.senders[0]!;
      const b = await createApiProvider(0);
      await db().providerSender.create({ data: { providerId: b.id, senderId: sender.id } });
      const c = await createApiProvider();
      for (const phone of [alice, bob, ...mass]) {
        await recordOpposition({ phone, target: { scope: "all", senderId: null }, source: "web", verified: true });
        await backdateOppositions(phone);
      }

      // Operators: events on another's numbers, backdated, in bulk.
      const recent = new Date(Date.now() - 60_000).toISOString();
      const foreign = await signed(server, op1, "POST", "/numbers/events", {
        events: [{ phone: bob, event: "disconnected", at: recent }],
      });
      expect(foreign.status).toBe(422);
      expect(await inForce(bob)).toBe(1);
      outcome(
        "operator ends another operator's subscriber's refusal",
        `${foreign.status} ${String(foreign.json.code)}; refusal intact`,
      );
      const backdated = await signed(server, op1, "POST", "/numbers/events", {
        events: [{ phone: alice, event: "disconnected", at: "2020-01-01T00:00:00Z" }],
      });
      expect(backdated.status).toBe(422);
      expect(await inForce(alice)).toBe(1);
      outcome(
        "operator backdates a disconnection to 2020",
        `${backdated.status} ${String(backdated.json.code)}; refusal intact`,
      );
      const bulk = await signed(server, op1, "POST", "/numbers/events", {
        events: mass.map((phone) => ({ phone, event: "disconnected", at: recent })),
      });
      expect(bulk.status).toBe(202);
      const stillInForce = (await Promise.all(mass.map(inForce))).filter((n) => n === 1).length;
      expect(stillInForce).toBe(3);
      outcome(
        "operator disconnects numbers in bulk past the daily review threshold (3)",
        `${bulk.status}, held ${String(bulk.json.held)} for staff review; ${stillInForce} of ${mass.length} refusals still in force`,
      );
      const takeover = await signed(server, op2, "POST", "/numbers/events", {
        events: [{ phone: alice, event: "ported", at: recent, to: op2.slug }],
      });
      expect(takeover.status).toBe(422);
      outcome("operator ports another operator's number to itself", `${takeover.status} ${String(takeover.json.code)}`);
      const provider = await signed(server, a, "POST", "/numbers/events", {
        events: [{ phone: alice, event: "disconnected", at: recent }],
      });
      expect(provider.status).toBe(403);
      outcome("provider reports number events", `${provider.status} forbidden`);

      // Providers: START on refusals their own traffic did not record.
      await signed(server, a, "POST", "/keywords", { from: carol, text: "STOP", sender: sender.code });
      await recordOpposition({
        phone: dave,
        target: { scope: "sender", senderId: sender.id },
        source: "web",
        verified: true,
      });
      const startOther = await signed(server, b, "POST", "/keywords", {
        from: carol,
        text: "START",
        sender: sender.code,
      });
      const startWeb = await signed(server, b, "POST", "/keywords", { from: dave, text: "START", sender: sender.code });
      const startGlobal = await signed(server, b, "POST", "/keywords", {
        from: alice,
        text: "START",
        sender: sender.code,
      });
      expect([startOther.json.reason, startWeb.json.reason, startGlobal.json.reason]).toEqual([
        "recorded-elsewhere",
        "recorded-elsewhere",
        "global",
      ]);
      expect([await inForce(carol), await inForce(dave), await inForce(alice)]).toEqual([1, 1, 1]);
      const own = await signed(server, a, "POST", "/keywords", { from: carol, text: "START", sender: sender.code });
      expect(own.json.recorded).toBe(true);
      outcome(
        "provider START on another provider's STOP / a web refusal / a global refusal",
        "recorded-elsewhere / recorded-elsewhere / global; all in force",
      );
      outcome("provider START on its own STOP (legitimate)", "withdrawn");
      const startForeignSender = await signed(server, c, "POST", "/keywords", {
        from: dave,
        text: "START",
        sender: sender.code,
      });
      expect(startForeignSender.status).toBe(403);
      outcome("provider START for a sender it may not act for", `${startForeignSender.status}`);

      // Complaints: another's, answers, repeats.
      const { links } = await mintLinks({
        providerId: a.id,
        senderId: sender.id,
        campaign: uniqueSlug("adv"),
        phones: [alice],
        expiresInDays: 30,
        defaultRegion: "MA",
        publicUrl: server.url,
      });
      const code = links[0]!.code;
      const reports = [];
      for (let i = 0; i < 5; i++)
        reports.push((await form(server, `/${code}`, { choice: "report", share: "yes" })).status);
      const linkComplaints = await db().complaint.findMany({ where: { linkCode: code } });
      expect(linkComplaints).toHaveLength(1);
      expect(linkComplaints[0]!.reportedTimes).toBe(5);
      outcome(
        "a citizen reports the same link 5 times",
        `one complaint, reported 5 times (answers ${[...new Set(reports)].join(", ")})`,
      );
      const seenByB = await signed(server, b, "GET", "/complaints?limit=1000");
      const listed = (seenByB.json.complaints as { id: string }[]).some((x) => x.id === linkComplaints[0]!.id);
      expect(listed).toBe(false);
      const answerByB = await signed(server, b, "POST", `/complaints/${linkComplaints[0]!.id}/response`, {
        action: "disputed",
        text: "not ours",
      });
      expect(answerByB.status).toBe(404);
      const seenByA = await signed(server, a, "GET", "/complaints?limit=1000");
      const mine = (seenByA.json.complaints as { id: string; phone: string }[]).find(
        (x) => x.id === linkComplaints[0]!.id,
      );
      expect(mine?.phone).toBe(alice);
      outcome(
        "provider reads / answers another provider's link complaint (same sender)",
        `not listed; answer ${answerByB.status}`,
      );

      // Provenance (1.2): declarations as another party, and a citizen's refusal of a list source.
      const broker = await createListSource(cli, { code: uniqueSlug("broker"), name: "Broker", kind: "broker" });
      const declared = { ...TEST_DECLARATION, source: broker.code };
      const campaign = uniqueSlug("adv");
      const first = await signed(server, a, "POST", "/links", {
        sender: sender.code,
        campaign,
        phones: [uniquePhone()],
        declaration: declared,
      });
      expect(first.status).toBe(200);
      const foreignDeclaration = await signed(server, c, "POST", "/links", {
        sender: sender.code,
        campaign: uniqueSlug("adv"),
        phones: [uniquePhone()],
        declaration: TEST_DECLARATION,
      });
      expect(foreignDeclaration.status).toBe(403);
      const redeclared = await signed(server, b, "POST", "/links", {
        sender: sender.code,
        campaign,
        phones: [uniquePhone()],
        declaration: { ...declared, source: "own", basis: "customer" },
      });
      expect(redeclared.status).toBe(409);
      const stored = await db().campaignDeclaration.findUniqueOrThrow({
        where: { senderId_campaign: { senderId: sender.id, campaign } },
      });
      expect([stored.listSourceId, stored.basis, stored.providerId]).toEqual([broker.id, "consent", a.id]);
      outcome(
        "provider declares a campaign for a sender it may not act for / re-declares another provider's campaign as own",
        `${foreignDeclaration.status} / ${redeclared.status} ${String(redeclared.json.code)}; the first declaration stands`,
      );
      await recordOpposition({
        phone: carol,
        target: { scope: "source", senderId: null, listSourceId: broker.id },
        source: "link",
        verified: true,
      });
      const otherCampaign = await signed(server, c, "POST", "/links", {
        sender: c.senders[0]!.code,
        campaign: uniqueSlug("adv"),
        phones: [carol],
        declaration: declared,
      });
      expect(otherCampaign.status).toBe(200);
      expect(otherCampaign.json.links).toEqual([]);
      expect(otherCampaign.json.invalid).toEqual([{ input: carol, reason: "opposed-source" }]);
      const startSource = await signed(server, c, "POST", "/keywords", {
        from: carol,
        text: "START",
        sender: c.senders[0]!.code,
      });
      expect(await db().opposition.count({ where: { phone: carol, listSourceId: broker.id, withdrawnAt: null } })).toBe(
        1,
      );
      outcome(
        "another provider's campaign declaring a refused source mints for that number / STARTs it",
        `no link (invalid: opposed-source); START ${String(startSource.json.reason ?? startSource.status)}, the source refusal in force`,
      );
    } finally {
      await server.stop();
      recordResult("adversarial suite: every party against every other", outcomes);
    }
  });
});
