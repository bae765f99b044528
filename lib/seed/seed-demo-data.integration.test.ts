import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { createTestDatabase } from "@/lib/testing/test-database";
import { seedDemoData } from "./seed-demo-data";

// A database of its own: the seed's consistency (every change has its receipt, the rollups add up) is only
// checkable where no other test writes changes of its own kind (backdated ones, receipt-less number events).
const own = await createTestDatabase(() => undefined);
process.env.DATABASE_URL = own.url;
afterAll(async () => {
  await disconnectDb();
  await own.drop();
});

describe("seedDemoData", () => {
  it("fills a consistent demo data set once, and is a no-op the second time", async () => {
    const first = await seedDemoData({ oppositions: 300 });
    expect(first.seeded).toBe(true);
    expect(first.privateKeys.length).toBe(3);
    const second = await seedDemoData({ oppositions: 300 });
    expect(second).toEqual({ seeded: false, privateKeys: [] });

    const [check] = await db().$queryRaw<
      { adds: bigint; removes: bigint; changes: bigint; receipts: bigint; rollup: bigint }[]
    >`
      SELECT (SELECT count(*) FROM opposition_changes c JOIN senders s ON s.id = c.sender_id WHERE s.code = 'souk-market' AND op = 'add') AS adds,
             (SELECT count(*) FROM opposition_changes WHERE op = 'remove') AS removes,
             (SELECT count(*) FROM opposition_changes) AS changes,
             (SELECT count(*) FROM receipts) AS receipts,
             (SELECT count(*) FROM opposition_changes WHERE at < date_trunc('day', now() AT TIME ZONE 'Africa/Casablanca') AT TIME ZONE 'Africa/Casablanca') AS rollup`;
    expect(check!.adds).toBeGreaterThan(0n);
    expect(check!.removes).toBeGreaterThan(0n);
    expect(check!.receipts).toBe(check!.changes);
    const [stats] = await db().$queryRaw<{ total: bigint }[]>`
      SELECT sum(added + withdrawn)::bigint AS total FROM daily_opposition_stats WHERE day < (now() AT TIME ZONE 'Africa/Casablanca')::date`;
    expect(stats!.total).toBe(check!.rollup);
    expect(await db().complaint.count({ where: { id: { startsWith: "C-DEMO" } } })).toBe(40);
    expect(await db().stopLink.count()).toBeGreaterThan(1000);
    // Provenance: every demo campaign declared, a broker drawing "I never agreed" reports.
    const { readSourcesRanked } = await import("@/lib/sources/read-source-stats");
    const ranked = await readSourcesRanked();
    expect(ranked[0]).toMatchObject({ code: "databroker-x", noConsentComplaints: 12 });
    expect(ranked[0]!.numbers).toBeGreaterThan(100);
    // The open data's per-source rollup holds every declared link, the broker's among them.
    const perSource = await db().dailySourceLinkStat.aggregate({ _sum: { minted: true } });
    const demoLinks = await db().stopLink.count({ where: { campaign: { startsWith: "demo-" } } });
    expect(demoLinks).toBeGreaterThan(0);
    expect(perSource._sum.minted).toBeGreaterThanOrEqual(demoLinks);
    expect(await db().campaignDeclaration.count()).toBe(
      (await db().stopLink.groupBy({ by: ["senderId", "campaign"] })).length,
    );
  });
});
