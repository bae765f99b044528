import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createSender } from "@/lib/testing/fixtures";
import { createComplaint } from "./create-complaint";

const now = new Date("2026-11-23T10:00:00Z");
const valid = { reason: "no_mention", senderSeen: "Promo Shop", messageText: "-50% today!", receivedOn: "2026-11-22" };

describe("createComplaint (the /report form)", () => {
  it("stores a new complaint, linked to the sender when the name matches", async () => {
    const sender = await createSender();
    const result = await createComplaint({ ...valid, senderSeen: sender.name, phone: "06 12 34 56 78" }, { defaultRegion: "MA", now });
    expect(result.ok).toBe(true);
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
    expect(await createComplaint(input, { defaultRegion: "MA", now })).toEqual({ ok: false, errors });
    expect(await db().complaint.count()).toBe(before);
  });
});
