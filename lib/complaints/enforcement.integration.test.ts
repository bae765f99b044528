import { describe, expect, it } from "vitest";
import { GET as complaintsRoute } from "@/app/api/v1/complaints/route";
import { POST as ack } from "@/app/api/v1/suppressions/ack/route";
import { GET as changes } from "@/app/api/v1/suppressions/changes/route";
import { db } from "@/lib/db/client";
import { recordOpposition } from "@/lib/oppositions/record-opposition";
import { createApiProvider, signedCall, type TestProvider } from "@/lib/testing/api-client";
import { uniquePhone } from "@/lib/testing/fixtures";
import { assessComplaint } from "./assess-complaint";
import { createComplaint } from "./create-complaint";
import { reportFromLink } from "./report-from-link";
import { HOUR, respond, LAG, oppose, mintAt, linkComplaint } from "@/lib/testing/enforcement-fixtures";

describe("assessComplaint: complaints from an SMS's own link (mint time is exact)", () => {
  it("is a violation when the link was minted at the deadline exactly, within-deadline one millisecond before", async () => {
    const provider = await createApiProvider();
    expect((await linkComplaint(provider, LAG)).verdict).toBe("violation");
    expect((await linkComplaint(provider, LAG - 1)).verdict).toBe("within-deadline");
  });

  it("is no-opposition when the link was minted before the refusal", async () => {
    const provider = await createApiProvider();
    expect((await linkComplaint(provider, -1)).verdict).toBe("no-opposition");
    expect((await linkComplaint(provider, null)).verdict).toBe("no-opposition");
  });

  it("is a violation within the deadline when the provider had acknowledged applying the change", async () => {
    const provider = await createApiProvider();
    const phone = uniquePhone();
    const { seq, at } = await oppose(phone);
    await signedCall(changes, provider, { path: `/suppressions/changes?after=${seq - 1n}&limit=10000` });
    const ackAnswer = await signedCall(ack, provider, { path: "/suppressions/ack", body: { applied: Number(seq) } });
    expect(ackAnswer.response.status).toBe(200);
    const code = await mintAt(provider, phone, new Date(at.getTime() + HOUR));
    const report = await reportFromLink(code, { sharePhone: false });
    expect(report!.verdict).toBe("violation");
    const stored = await db().complaint.findUniqueOrThrow({ where: { id: report!.id } });
    const facts = (stored.facts as { facts: { key: string; source: { table: string } | null }[] }).facts;
    expect(facts.map((f) => f.key)).toEqual([
      "complaint",
      "link-minted",
      "sms-sent",
      "opposition",
      "deadline",
      "fetched",
      "acknowledged",
    ]);
    expect(facts.find((f) => f.key === "acknowledged")!.source!.table).toBe("provider_acks");
    expect(stored).toMatchObject({
      verified: true,
      linkCode: code,
      providerId: provider.id,
      reason: "after_opposition",
    });
  });

  it("uses a refusal to that sender as well as a refusal of all senders, and is recomputed when the data changes", async () => {
    const provider = await createApiProvider();
    const phone = uniquePhone();
    const { at } = await oppose(phone, { scope: "sender", senderId: provider.senders[0]!.id });
    const code = await mintAt(provider, phone, new Date(at.getTime() + 3 * LAG));
    const report = await reportFromLink(code, { sharePhone: false });
    expect(report!.verdict).toBe("violation");
    await db().$executeRaw`UPDATE stop_links SET created_at = ${new Date(at.getTime() - 1)} WHERE code = ${code}`;
    expect((await assessComplaint(report!.id)).verdict).toBe("no-opposition");
    expect((await db().complaint.findUniqueOrThrow({ where: { id: report!.id } })).verdict).toBe("no-opposition");
  });
});

describe("assessComplaint: complaints typed on /report (a reported day, in Moroccan time)", () => {
  const DAY = 86_400_000;
  /** The Moroccan calendar day `days` after the refusal's day, as YYYY-MM-DD. */
  const dayAfter = (at: Date, days: number) =>
    new Intl.DateTimeFormat("en-CA", { timeZone: "Africa/Casablanca" }).format(new Date(at.getTime() + days * DAY));
  const report = async (phone: string | undefined, receivedOn: string) => {
    const result = await createComplaint(
      { reason: "after_opposition", senderSeen: "Someone", messageText: "Promo", receivedOn, phone, sharePhone: false },
      { defaultRegion: "MA", now: new Date(Date.parse(`${receivedOn}T12:00:00Z`) + DAY) },
    );
    return (await db().complaint.findUniqueOrThrow({ where: { id: (result as { id: string }).id } })).verdict;
  };

  it("is a violation when the whole day is after the deadline, within-deadline when the whole day is before it", async () => {
    const phone = uniquePhone();
    const { at } = await oppose(phone);
    expect(await report(phone, dayAfter(at, 3))).toBe("violation");
    expect(await report(phone, dayAfter(at, 1))).toBe("within-deadline");
  });

  it("is undetermined when the day holds the deadline, when the refusal was made that day, or without a number", async () => {
    const phone = uniquePhone();
    const { at } = await oppose(phone);
    expect(await report(phone, dayAfter(at, 2))).toBe("undetermined");
    expect(await report(phone, dayAfter(at, 0))).toBe("undetermined");
    expect(await report(undefined, dayAfter(at, 3))).toBe("undetermined");
    expect(await report(uniquePhone(), dayAfter(at, 3))).toBe("no-opposition");
  });
});

describe("POST /suppressions/ack", () => {
  it("refuses more than was fetched (422) and going back (409), accepts the same again, and keeps the history", async () => {
    const provider = await createApiProvider();
    const seqs = [];
    for (let i = 0; i < 3; i++)
      seqs.push(
        Number(
          (
            await recordOpposition({
              phone: uniquePhone(),
              target: { scope: "all", senderId: null },
              source: "web",
              verified: false,
            })
          ).receipt.seq,
        ),
      );
    const call = (applied: unknown) => signedCall(ack, provider, { path: "/suppressions/ack", body: { applied } });
    expect((await call(seqs[0])).json).toMatchObject({ status: 422, code: "invalid-request" });
    await signedCall(changes, provider, { path: `/suppressions/changes?after=${seqs[2]! - 1}` });
    const first = await call(seqs[2]);
    expect(first.json).toEqual({ applied: seqs[2], at: expect.stringMatching(/Z$/) });
    expect((await call(seqs[2])).json).toEqual(first.json);
    expect((await call(seqs[1])).json).toMatchObject({ status: 409, code: "ack-regressed" });
    expect((await call(-1)).response.status).toBe(422);
    expect((await call("12")).response.status).toBe(422);
    expect(await db().providerAck.count({ where: { providerId: provider.id } })).toBe(1);
  });

  it("records a fetch in the history only when the provider's progress moves forward", async () => {
    const provider = await createApiProvider();
    await recordOpposition({
      phone: uniquePhone(),
      target: { scope: "all", senderId: null },
      source: "web",
      verified: false,
    });
    await signedCall(changes, provider, { path: "/suppressions/changes?after=0&limit=10000" });
    await signedCall(changes, provider, { path: "/suppressions/changes?after=0&limit=10000" });
    const rows = await db().providerFetch.findMany({ where: { providerId: provider.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.keyid).toBe(provider.keyid);
  });
});

describe("complaints through the provider API", () => {
  it("shows a provider only complaints about its senders or its links, masked unless shared, and takes its answer", async () => {
    const mine = await createApiProvider();
    const other = await createApiProvider();
    const masked = await linkComplaint(mine, LAG);
    const shared = uniquePhone();
    const { at } = await oppose(shared);
    const sharedReport = await reportFromLink(await mintAt(mine, shared, new Date(at.getTime() + LAG)), {
      sharePhone: true,
    });
    await linkComplaint(other, LAG);

    const page = await signedCall(complaintsRoute, mine, { path: "/complaints?limit=1000" });
    const list = page.json.complaints as {
      id: string;
      phone: string;
      type: string;
      verdict: string;
      link: string;
      campaign: string;
      sender: string;
    }[];
    expect(list.map((c) => c.id).sort()).toEqual([masked.id, sharedReport!.id].sort());
    const first = list.find((c) => c.id === masked.id)!;
    expect(first).toMatchObject({
      type: "sent-after-opposition",
      verdict: "violation",
      link: masked.code,
      campaign: "bf-2026",
      sender: mine.senders[0]!.code,
    });
    expect(first.phone).toMatch(/^\+212 6•• •• •• \d\d$|^\+212 6 •• •• •• \d\d$/);
    expect(first.phone).not.toContain(masked.phone.slice(5, 9));
    expect(list.find((c) => c.id === sharedReport!.id)!.phone).toBe(shared);
    const after = await signedCall(complaintsRoute, mine, { path: `/complaints?after=${list.at(-1)!.id}` });
    expect(after.json).toMatchObject({ complaints: [], more: false });

    const answer = await signedCall(respond, mine, {
      path: `/complaints/${masked.id}/response`,
      body: { action: "suppressed", text: "Removed from the list." },
    });
    expect(answer.json).toEqual({ id: masked.id, responded_at: expect.any(String), late: false });
    const stored = await db().complaint.findUniqueOrThrow({ where: { id: masked.id } });
    expect(stored).toMatchObject({
      responseAction: "suppressed",
      responseText: "Removed from the list.",
      responseKeyid: mine.keyid,
    });
    expect(
      (await signedCall(respond, other, { path: `/complaints/${masked.id}/response`, body: { action: "disputed" } }))
        .response.status,
    ).toBe(404);
    expect(
      (await signedCall(respond, mine, { path: `/complaints/${masked.id}/response`, body: { action: "shrug" } }))
        .response.status,
    ).toBe(422);
  });

  it("a provider sharing the sender never sees another's link complaint; a complaint without a link it sees masked, even when shared", async () => {
    // docs/protocol.md 1.2: the review read another provider's complaints through a shared sender.
    const mine = await createApiProvider();
    const sharing = await createApiProvider(0);
    await db().providerSender.create({ data: { providerId: sharing.id, senderId: mine.senders[0]!.id } });
    const phone = uniquePhone();
    const { at } = await oppose(phone);
    const shared = await reportFromLink(await mintAt(mine, phone, new Date(at.getTime() + LAG)), { sharePhone: true });
    const typed = await createComplaint(
      {
        reason: "after_opposition",
        senderSeen: (await db().sender.findUniqueOrThrow({ where: { id: mine.senders[0]!.id } })).name,
        messageText: "Promo",
        receivedOn: new Date().toISOString().slice(0, 10),
        phone: uniquePhone(),
        sharePhone: true,
      },
      { defaultRegion: "MA" },
    );
    const ids = async (provider: TestProvider) =>
      (
        (await signedCall(complaintsRoute, provider, { path: "/complaints?limit=1000" })).json.complaints as {
          id: string;
          phone: string | null;
        }[]
      ).filter((c) => c.id === shared!.id || (typed.status === "created" && c.id === typed.id));
    const seenBySharing = await ids(sharing);
    expect(seenBySharing.map((c) => c.id)).toEqual(typed.status === "created" ? [typed.id] : []);
    expect(seenBySharing[0]!.phone).toContain("••");
    const seenByMine = await ids(mine);
    expect(seenByMine.find((c) => c.id === shared!.id)!.phone).toBe(phone);
    expect(seenByMine.find((c) => c.id !== shared!.id)!.phone).toContain("••");
    expect(
      (await signedCall(respond, sharing, { path: `/complaints/${shared!.id}/response`, body: { action: "disputed" } }))
        .response.status,
    ).toBe(404);
  });

  it("keeps every provider's answer with its key: a later one is added, never overwrites another provider's", async () => {
    const mine = await createApiProvider();
    const sharing = await createApiProvider(0);
    await db().providerSender.create({ data: { providerId: sharing.id, senderId: mine.senders[0]!.id } });
    const created = await createComplaint(
      {
        reason: "no_mention",
        senderSeen: (await db().sender.findUniqueOrThrow({ where: { id: mine.senders[0]!.id } })).name,
        messageText: "Promo",
        receivedOn: new Date().toISOString().slice(0, 10),
        sharePhone: false,
      },
      { defaultRegion: "MA" },
    );
    const id = created.status === "created" ? created.id : "";
    const answer = (provider: TestProvider, action: string, text: string) =>
      signedCall(respond, provider, { path: `/complaints/${id}/response`, body: { action, text } });
    await answer(sharing, "investigating", "Looking.");
    await answer(mine, "disputed", "Not ours.");
    await answer(sharing, "suppressed", "Removed.");
    const answers = await db().complaintAnswer.findMany({ where: { complaintId: id }, orderBy: { id: "asc" } });
    expect(answers.map((a) => [a.keyid, a.action])).toEqual([
      [sharing.keyid, "investigating"],
      [mine.keyid, "disputed"],
      [sharing.keyid, "suppressed"],
    ]);
    // The summary follows the first provider that answered, never overwritten by another.
    expect(await db().complaint.findUniqueOrThrow({ where: { id } })).toMatchObject({
      responseKeyid: sharing.keyid,
      responseAction: "suppressed",
    });
  });

  it("counts the same link reported again on one complaint (reported again n times), never a second", async () => {
    const provider = await createApiProvider();
    const first = await linkComplaint(provider, LAG);
    const again = await Promise.all([1, 2].map(() => reportFromLink(first.code, { sharePhone: false })));
    expect(again.map((r) => r!.id)).toEqual([first.id, first.id]);
    expect(await db().complaint.count({ where: { linkCode: first.code } })).toBe(1);
    expect((await db().complaint.findUniqueOrThrow({ where: { id: first.id } })).reportedTimes).toBe(3);
    const list = await signedCall(complaintsRoute, provider, { path: "/complaints?limit=1000" });
    expect(
      (list.json.complaints as { id: string; reported_times: number }[]).find((c) => c.id === first.id),
    ).toMatchObject({
      reported_times: 3,
    });
  });

  it("marks an answer after respond_by as late", async () => {
    const provider = await createApiProvider();
    const { id } = await linkComplaint(provider, LAG);
    await db().complaint.update({ where: { id }, data: { respondBy: new Date(Date.now() - 1000) } });
    const answer = await signedCall(respond, provider, {
      path: `/complaints/${id}/response`,
      body: { action: "investigating" },
    });
    expect(answer.json.late).toBe(true);
  });
});
