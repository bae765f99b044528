import { describe, expect, it } from "vitest";
import { generateComplaintId } from "@/lib/complaints/create-complaint";
import { db } from "@/lib/db/client";
import { mintLinks } from "@/lib/links/mint-links";
import { createApiProvider } from "@/lib/testing/api-client";
import { uniquePhone } from "@/lib/testing/fixtures";
import { purgeExpiredData } from "./purge-expired-data";

const DAY = 86_400_000;

describe("purgeExpiredData (retention)", () => {
  it("removes what is past each retention period, keeps the rest, and audits the counts", async () => {
    const provider = await createApiProvider();
    const [oldPhone, freshPhone] = [uniquePhone(), uniquePhone()];
    const { links } = await mintLinks({
      providerId: provider.id,
      senderId: provider.senders[0]!.id,
      campaign: "old",
      phones: [oldPhone, freshPhone],
      expiresInDays: 90,
      defaultRegion: "MA",
      publicUrl: "https://stopsms.test",
    });
    await db()
      .$executeRaw`UPDATE stop_links SET expires_at = ${new Date(Date.now() - 31 * DAY)} WHERE code = ${links[0]!.code}`;
    await db()
      .$executeRaw`UPDATE stop_links SET expires_at = ${new Date(Date.now() - 29 * DAY)} WHERE code = ${links[1]!.code}`;
    await db().accessLog.create({
      data: { method: "GET", endpoint: "old", status: 200, at: new Date(Date.now() - 400 * DAY) },
    });
    await db().verificationCode.create({
      data: {
        phone: oldPhone,
        codeHash: Buffer.alloc(32),
        address: "x",
        createdAt: new Date(Date.now() - 2 * DAY),
        expiresAt: new Date(Date.now() - 2 * DAY),
      },
    });
    await db().smsOutbox.create({ data: { phone: oldPhone, body: "old", createdAt: new Date(Date.now() - 8 * DAY) } });
    await db().smsOutbox.create({ data: { phone: freshPhone, body: "fresh" } });
    const closed = generateComplaintId();
    await db().complaint.create({
      data: {
        id: closed,
        reason: "other",
        senderSeen: "x",
        messageText: "x",
        receivedAt: new Date(),
        status: "closed",
      },
    });
    await db()
      .$executeRaw`UPDATE complaints SET updated_at = ${new Date(Date.now() - 6 * 366 * DAY)} WHERE id = ${closed}`;

    const counts = await purgeExpiredData();
    expect(counts.links).toBeGreaterThanOrEqual(1);
    expect(counts.accessLogs).toBeGreaterThanOrEqual(1);
    expect(counts.codes).toBeGreaterThanOrEqual(1);
    expect(counts.outbox).toBeGreaterThanOrEqual(1);
    expect(counts.complaints).toBeGreaterThanOrEqual(1);
    expect(await db().stopLink.findUnique({ where: { code: links[0]!.code } })).toBeNull();
    expect(await db().stopLink.findUnique({ where: { code: links[1]!.code } })).not.toBeNull();
    expect(await db().smsOutbox.count({ where: { phone: freshPhone } })).toBe(1);
    expect(await db().complaint.findUnique({ where: { id: closed } })).toBeNull();
    const audit = await db().auditLog.findFirstOrThrow({
      where: { action: "retention.purge" },
      orderBy: { id: "desc" },
    });
    expect(audit.after).toMatchObject({ links: counts.links, complaints: counts.complaints });
  });
});
