import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createSender } from "@/lib/testing/fixtures";
import { createComplaint } from "./create-complaint";

const now = new Date("2026-11-23T10:00:00Z");
const valid = { reason: "no_mention", senderSeen: "Promo Shop", messageText: "-50% today!", receivedOn: "2026-11-22" };

describe("createComplaint (the /report form)", () => {
  it("stores a new complaint, linked to the sender when the name matches", async () => {
    const sender = await createSender();
    const result = await createComplaint(
      { ...valid, senderSeen: sender.name, phone: "06 12 34 56 78" },
      { defaultRegion: "MA", now },
    );
    expect(result.status).toBe("created");
    const id = (result as { id: string }).id;
    expect(id).toMatch(/^C-[A-Z0-9]{5}-[A-Z0-9]{5}$/);
    const row = await db().complaint.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "new", senderId: sender.id, phone: "+212612345678", reason: "no_mention" });
  });

  it.each([
    [{ ...valid, reason: "spam" }, { reason: "reason.required" }],
    [{ ...valid, senderSeen: " " }, { senderSeen: "sender.required" }],
    [{ ...valid, messageText: "" }, { messageText: "message.required" }],
    [{ ...valid, messageText: "x".repeat(2001) }, { messageText: "message.too-long" }],
    [{ ...valid, receivedOn: "yesterday" }, { receivedOn: "received.invalid" }],
    [{ ...valid, receivedOn: "2026-12-25" }, { receivedOn: "received.future" }],
    [{ ...valid, phone: "12" }, { phone: "phone.too-short" }],
  ])("refuses %j with %j and stores nothing", async (input, errors) => {
    const before = await db().complaint.count();
    expect(await createComplaint(input, { defaultRegion: "MA", now })).toEqual({ status: "invalid", errors });
    expect(await db().complaint.count()).toBe(before);
  });
});

describe("createComplaint: sender matching, originators and links", () => {
  it("matches a sender as typed or by its SMS sender id, whatever the case and spaces, and offers a partial match once", async () => {
    const code = `atlas-${Date.now()}`;
    const sender = await db().sender.create({
      data: { code, name: `Atlas Bank ${code.slice(-4)}`, smsSenderIds: [`ATLASBK${code.slice(-4)}`] },
    });
    const byId = await createComplaint(
      { ...valid, senderSeen: `atlasbk${code.slice(-4)}` },
      { defaultRegion: "MA", now },
    );
    expect((await db().complaint.findUniqueOrThrow({ where: { id: (byId as { id: string }).id } })).senderId).toBe(
      sender.id,
    );
    const spaced = await createComplaint(
      { ...valid, senderSeen: `ATLAS  bank ${code.slice(-4)}` },
      { defaultRegion: "MA", now },
    );
    expect((await db().complaint.findUniqueOrThrow({ where: { id: (spaced as { id: string }).id } })).senderId).toBe(
      sender.id,
    );
    const partial = await createComplaint(
      { ...valid, senderSeen: `bank ${code.slice(-4)}` },
      { defaultRegion: "MA", now },
    );
    expect(partial).toEqual({
      status: "invalid",
      errors: { senderSeen: "sender.did-you-mean" },
      suggestion: sender.name,
    });
    const insisted = await createComplaint(
      { ...valid, senderSeen: `bank ${code.slice(-4)}`, senderAsTyped: `bank ${code.slice(-4)}` },
      { defaultRegion: "MA", now },
    );
    expect(
      (await db().complaint.findUniqueOrThrow({ where: { id: (insisted as { id: string }).id } })).senderId,
    ).toBeNull();
    // "Yes, Atlas Bank": the match is linked, and the sender stays exactly as seen (a spoofed id is evidence).
    const accepted = await createComplaint(
      {
        ...valid,
        senderSeen: `bank ${code.slice(-4)}`,
        senderAsTyped: `bank ${code.slice(-4)}`,
        senderChoice: "suggested",
      },
      { defaultRegion: "MA", now },
    );
    expect(await db().complaint.findUniqueOrThrow({ where: { id: (accepted as { id: string }).id } })).toMatchObject({
      senderId: sender.id,
      senderSeen: `bank ${code.slice(-4)}`,
      originator: `bank ${code.slice(-4)}`,
    });
  });

  it("keeps the sender as shown as the originator, and its E.164 form when it is a number", async () => {
    const result = await createComplaint({ ...valid, senderSeen: "06 99 88 77 66" }, { defaultRegion: "MA", now });
    const row = await db().complaint.findUniqueOrThrow({ where: { id: (result as { id: string }).id } });
    expect(row).toMatchObject({
      originator: "06 99 88 77 66",
      originatorPhone: "+212699887766",
      senderId: null,
      verdict: "undetermined",
    });
    const byId = await createComplaint({ ...valid, senderSeen: "PROMO-X" }, { defaultRegion: "MA", now });
    expect(await db().complaint.findUniqueOrThrow({ where: { id: (byId as { id: string }).id } })).toMatchObject({
      originator: "PROMO-X",
      originatorPhone: null,
    });
  });
});
