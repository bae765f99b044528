import { describe, expect, it } from "vitest";
import { generateComplaintId } from "@/lib/complaints/create-complaint";
import { db } from "@/lib/db/client";
import { recordOpposition } from "@/lib/oppositions/record-opposition";
import { createSender, uniquePhone } from "@/lib/testing/fixtures";
import { checkRollups } from "./check-rollups";
import { markMissedDeadlines } from "./mark-missed-deadlines";

describe("the rollup check job", () => {
  it("recounts the days from the feed and repairs a rollup row that disagrees, audited; a right one is left alone", async () => {
    const sender = await createSender();
    const target = { scope: "sender", senderId: sender.id } as const;
    await recordOpposition({ phone: uniquePhone(), target, source: "link", verified: true });
    await recordOpposition({ phone: uniquePhone(), target, source: "link", verified: true });
    const mine = (result: Awaited<ReturnType<typeof checkRollups>>) =>
      result.repaired.filter((r) => r.senderId === sender.id);

    expect(mine(await checkRollups(1))).toEqual([]);
    await db().$executeRaw`UPDATE daily_opposition_stats SET added = 7 WHERE sender_id = ${sender.id}`;
    const check = await checkRollups(1);
    expect(mine(check)).toEqual([
      expect.objectContaining({ scope: "sender", source: "link", before: [7, 0, 0, 0], after: [2, 0, 0, 0] }),
    ]);
    expect(check.rowsChecked).toBeGreaterThan(0);
    const stats = await db().dailyOppositionStat.findMany({ where: { senderId: sender.id } });
    expect(stats.map((s) => s.added)).toEqual([2]);
    expect(
      await db().auditLog.count({
        where: { action: "rollups.repair", after: { path: ["repaired"], array_contains: [{ senderId: sender.id }] } },
      }),
    ).toBe(1);
  });
  it("counts a change of the window's first day made just after local midnight in that day, and repairs nothing", async () => {
    // CI failure: the window's start was computed from a date read as UTC midnight, 2 h after Casablanca's
    // midnight, so the job "repaired" the first day's rollups to miss those changes.
    const sender = await createSender();
    await db().$executeRaw`
      INSERT INTO opposition_changes (op, reason, phone, scope, sender_id, source, at)
      VALUES ('add', 'opposed', ${uniquePhone()}, 'sender', ${sender.id}, 'link',
              ((now() AT TIME ZONE 'Africa/Casablanca')::date - 1)::timestamp AT TIME ZONE 'Africa/Casablanca' + interval '30 minutes')`;
    await db().$executeRaw`
      INSERT INTO daily_opposition_stats (day, scope, sender_id, source, added, withdrawn)
      VALUES ((now() AT TIME ZONE 'Africa/Casablanca')::date - 1, 'sender', ${sender.id}, 'link', 1, 0)`;
    const check = await checkRollups(2);
    expect(check.repaired.filter((r) => r.senderId === sender.id)).toEqual([]);
  });
});

describe("the complaint deadlines job", () => {
  it("records once when a complaint's answer deadline passed without an answer, and never for an answered one", async () => {
    const [late, answered, pending] = [generateComplaintId(), generateComplaintId(), generateComplaintId()];
    const base = { reason: "other" as const, senderSeen: "x", messageText: "x", receivedAt: new Date() };
    const past = new Date(Date.now() - 3_600_000);
    await db().complaint.create({ data: { id: late, ...base, respondBy: past } });
    await db().complaint.create({
      data: {
        id: answered,
        ...base,
        respondBy: past,
        respondedAt: new Date(Date.now() - 7_200_000),
        responseAction: "suppressed",
      },
    });
    await db().complaint.create({ data: { id: pending, ...base, respondBy: new Date(Date.now() + 3_600_000) } });
    const first = await markMissedDeadlines();
    expect(first.missed).toBeGreaterThanOrEqual(1);
    const rows = await db().complaint.findMany({
      where: { id: { in: [late, answered, pending] } },
      select: { id: true, deadlineMissedAt: true },
    });
    expect(Object.fromEntries(rows.map((r) => [r.id, r.deadlineMissedAt !== null]))).toEqual({
      [late]: true,
      [answered]: false,
      [pending]: false,
    });
    const stamped = rows.find((r) => r.id === late)!.deadlineMissedAt;
    await markMissedDeadlines();
    expect((await db().complaint.findUniqueOrThrow({ where: { id: late } })).deadlineMissedAt).toEqual(stamped);
  });
});
