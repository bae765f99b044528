import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { uniquePhone } from "@/lib/testing/fixtures";
import { createComplaint } from "./create-complaint";
import { complaintIdsOfOriginator, listOriginators, REPEAT_THRESHOLD } from "./list-originators";

vi.mock("@/lib/auth/require-staff", () => ({
  requireStaff: async () => ({ id: 0, role: "analyst", actor: { kind: "cli", label: "originators-test" } }),
}));

const report = (originator: string, verifiedPhone?: string) =>
  createComplaint(
    {
      reason: "no_mention",
      senderSeen: originator,
      messageText: "Gagnez un iPhone",
      receivedOn: new Date().toISOString().slice(0, 10),
    },
    { defaultRegion: "MA", verifiedPhone },
  );

describe("an accusation needs verified accusers", () => {
  it("fifty unverified reports of a competitor's number never flag it, enter the CSV or a dossier; three verified reporters do", async () => {
    const framed = uniquePhone();
    for (let i = 0; i < 50; i++) await report(framed);
    const offender = uniquePhone();
    const reporter = uniquePhone();
    // One verified reporter reporting three times is one accuser.
    for (let i = 0; i < 3; i++) await report(offender, reporter);
    const find = async (phone: string) => (await listOriginators()).find((o) => o.phone === phone)!;
    expect(await find(framed)).toMatchObject({ unverified: 50, verifiedReporters: 0, flagged: false });
    expect(await complaintIdsOfOriginator((await find(framed)).key)).toEqual([]);
    expect(await find(offender)).toMatchObject({ verifiedReporters: 1, flagged: false });
    for (let i = 1; i < REPEAT_THRESHOLD.complaints; i++) await report(offender, uniquePhone());
    expect(await find(offender)).toMatchObject({ verifiedReporters: 3, flagged: true });
    expect(await complaintIdsOfOriginator((await find(offender)).key)).toHaveLength(5);
    const verified = await db().complaint.count({ where: { originatorPhone: offender, verified: true } });
    expect(verified).toBe(5);
  });
});
