import { describe, expect, inject, it } from "vitest";
import type { Actor } from "@/lib/audit/write-audit";
import { createStaffUser } from "@/lib/auth/create-staff-user";
import { db, pool } from "@/lib/db/client";
import { mintLinks } from "@/lib/links/mint-links";
import { recordOpposition } from "@/lib/oppositions/record-opposition";
import { createListSource } from "@/lib/sources/create-list-source";
import { TEST_DECLARATION } from "@/lib/testing/declaration";
import { signRequest } from "@/lib/web/signatures/sign-request";
import { createApiOperator, createApiProvider, type TestProvider } from "@/lib/testing/api-client";
import { backdateOppositions, uniquePhone, uniqueSlug } from "@/lib/testing/fixtures";
import { startAppServer, type AppServer } from "@/scripts/lib/app-server";
import { nextIp, recordResult } from "./results";

// The adversarial suite: two operators, three providers (two sending for the same sender), verified and
// unverified citizens and an anonymous visitor; each party tries the others' actions on the others' objects,
// through the production server. Every attack must be refused or have no effect, and the legitimate party
// must not be hurt. Each outcome is written to docs/reliability.md by the run.

const PORT = 3251;
const cli: Actor = { kind: "cli", label: "adversarial" };
const outcomes: Record<string, string> = {};
const outcome = (attack: string, result: string) => (outcomes[attack] = result);

async function signed(server: AppServer, party: TestProvider, method: string, path: string, body?: unknown) {
  const url = `${server.url}/api/v1${path}`;
  const text = body === undefined ? undefined : JSON.stringify(body);
  const headers = await signRequest({ method, url, body: text, keyid: party.keyid, privateKey: party.privateKey });
  const response = await fetch(url, { method, headers: { ...headers, "x-forwarded-for": nextIp() }, body: text });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const inForce = (phone: string) => db().opposition.count({ where: { phone, withdrawnAt: null } });

function form(server: AppServer, path: string, fields: Record<string, string>, address = nextIp()) {
  return fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": address },
    body: new URLSearchParams(fields).toString(),
    redirect: "manual",
  });
}

describe("the adversarial suite: every party against every other", () => {
  it("refuses each party's actions on another's objects, at a bounded cost, without hurting the legitimate party", async () => {
    const server = await startAppServer(inject("databaseUrl"), PORT, {
      STOPSMS_NUMBER_EVENTS_REVIEW_PER_DAY: "3",
      STOPSMS_SMS_PER_HOUR: "1000000",
      STOPSMS_UNVERIFIED_PER_NETWORK_PER_HOUR: "5",
    });
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

      // Citizens and visitors: unverified accusations, codes to foreign numbers, the network cap.
      const framed = uniquePhone();
      for (let i = 0; i < 20; i++)
        await form(server, "/report/submit", {
          reason: "no_mention",
          senderSeen: framed,
          messageText: "spam",
          receivedOn: new Date().toISOString().slice(0, 10),
        });
      const verifiedAgainst = await db().complaint.count({ where: { originatorPhone: framed, verified: true } });
      expect(verifiedAgainst).toBe(0);
      outcome(
        "a visitor accuses a competitor's number 20 times",
        "20 unverified reports, 0 verified: never flagged, in no CSV or dossier",
      );
      const before = await db().smsOutbox.count();
      const foreignCodes = [];
      for (const phone of ["+33612345678", "+212522123456", "+447911123456"])
        foreignCodes.push((await form(server, "/number/code", { phone })).status);
      expect(await db().smsOutbox.count()).toBe(before);
      outcome(
        "a visitor asks codes for foreign, fixed and premium numbers (SMS pumping)",
        `no SMS sent (answers ${foreignCodes.join(", ")})`,
      );
      const holder = uniquePhone();
      for (let i = 0; i < 10; i++) await form(server, "/number/code", { phone: holder });
      const sent = await db().smsOutbox.count({ where: { phone: holder } });
      expect(sent).toBeLessThanOrEqual(2);
      outcome(
        "a stranger asks 10 codes for someone's number at once",
        `${sent} SMS sent; the holder waits at most 15 minutes`,
      );
      const network = "100.64.9";
      const capped = [];
      for (let i = 1; i <= 7; i++)
        capped.push(
          (await form(server, "/stop/submit", { phone: uniquePhone(), scope: "all" }, `${network}.${i}`)).status,
        );
      expect(capped.slice(0, 5).every((s) => s === 303)).toBe(true);
      expect(capped.slice(5)).toEqual([200, 200]);
      const elsewhere = await form(server, "/stop/submit", { phone: uniquePhone(), scope: "all" }, "100.65.1.1");
      expect(elsewhere.status).toBe(303);
      outcome(
        "one network sends unverified refusals past its hourly cap (5)",
        `first 5 recorded, then the verified way offered (${capped.join(" ")}); another network still records`,
      );

      // Anonymous: racing /stop between two publications of the log at the hour's boundary.
      await pool().query("UPDATE log_tree_heads SET at = at - interval '2 hours'");
      const since = new Date();
      const heads = await Promise.all(
        Array.from({ length: 8 }, async (_, i) => {
          if (i === 4) await form(server, "/stop/submit", { phone: uniquePhone(), scope: "all" });
          const response = await fetch(`${server.url}/api/v1/log/tree-head`, {
            headers: { "x-forwarded-for": nextIp() },
          });
          return ((await response.json()) as { size: number }).size;
        }),
      );
      const published = await pool().query<{ n: string }>("SELECT count(*) AS n FROM log_tree_heads WHERE at >= $1", [
        since,
      ]);
      expect(Number(published.rows[0]!.n)).toBe(1);
      expect(new Set(heads).size).toBe(1);
      outcome(
        "a visitor posts /stop between public tree-head requests at the publication boundary",
        "one head published for all of them: every answer shows the same size",
      );

      // Staff: a distributed lock-out attempt.
      const email = `${uniqueSlug("adv")}@cndp.example`;
      await createStaffUser(cli, { email, role: "admin", password: "correct horse battery staple" });
      await Promise.all(
        Array.from({ length: 30 }, () =>
          form(server, "/staff/sign-in/submit", { email, password: "wrong" }).then((r) => r.arrayBuffer()),
        ),
      );
      const holderSignIn = await form(server, "/staff/sign-in/submit", {
        email,
        password: "correct horse battery staple",
      });
      expect(holderSignIn.headers.get("location")).toBe("/staff");
      outcome(
        "wrong passwords for an admin from 30 addresses",
        "the admin still signs in from their own address (slowed, alerted)",
      );
    } finally {
      await server.stop();
      recordResult("adversarial suite: every party against every other", outcomes);
    }
  });
});
