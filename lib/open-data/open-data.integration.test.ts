import { beforeEach, describe, expect, it, vi } from "vitest";
import { forgetOpenWindow } from "@/lib/open-data/read-open-data";
import { getDashboard } from "@/lib/stats/get-dashboard";
import { createListSource } from "@/lib/sources/create-list-source";
import { uniqueSlug } from "@/lib/testing/fixtures";

import { weekPeriod } from "./grid";
import { addDays } from "./open-period";
import {
  json,
  of,
  monthOf,
  weekAgo,
  sender,
  refusals,
  rebuildRollups,
  minted,
  complaint,
  noConsentComplaints,
  sourceMinted,
  sourceRefusals,
  sql,
  inDays,
  expectPublished,
} from "@/lib/testing/open-data-fixtures";

vi.mock("@/lib/auth/require-staff", () => ({
  requireStaff: async () => ({ id: 0, role: "analyst", actor: { kind: "cli", label: "open-data-test" } }),
}));

// Small senders are named from 5 links here (1 000 by default), so the test stays small.
process.env.STOPSMS_PUBLISH_MIN_LINKS = "5";

// Each test writes figures, then reads them at once: never the window computed before it wrote.
beforeEach(() => forgetOpenWindow());

describe("open data", () => {
  it("equals SQL over the base tables for a week, the next, and their month, and matches the staff dashboard", async () => {
    const [monday, nextMonday] = [weekAgo(30), weekAgo(29)];
    const [a, b] = [await sender("telecom"), await sender("telecom")];
    await refusals(addDays(monday, 0), 25, { senderId: a.id, source: "link" });
    await refusals(addDays(monday, 0), 3, { senderId: a.id, source: "web" });
    await refusals(addDays(monday, 0), 14, { source: "keyword" });
    await refusals(addDays(monday, 1), 4, { senderId: a.id });
    await refusals(addDays(monday, 3), 16, { senderId: b.id, source: "web" });
    await refusals(addDays(monday, 3), 11, { source: "link" });
    await refusals(addDays(monday, 3), 2, { senderId: a.id, op: "remove", source: "web" });
    await refusals(addDays(monday, 5), 30, { senderId: a.id });
    await refusals(addDays(nextMonday, 2), 40, { senderId: b.id, source: "keyword" });
    await rebuildRollups(monday, addDays(nextMonday, 6));
    await minted(monday, a.id, 400);
    await minted(addDays(monday, 3), b.id, 20);
    await complaint(addDays(monday, 1), a.id, "violation");
    for (let i = 0; i < 12; i++) await complaint(addDays(monday, 3), b.id, null);

    for (const period of [weekPeriod(monday), weekPeriod(nextMonday), monthOf(monday)]) {
      const headline = await json("headline.json", of(period));
      const [dFrom, dTo] = [headline.from, headline.to];
      expect([dFrom, dTo]).toEqual([period.from, period.to]);
      const added = (extra = "", ...params: unknown[]) =>
        sql(
          `SELECT count(*) AS n FROM opposition_changes WHERE op = 'add' AND reason = 'opposed' AND canary_provider_id IS NULL AND ${inDays} ${extra}`,
          dFrom,
          dTo,
          ...params,
        );
      expectPublished(headline.rows[0]!.new_refusals, await added());
      expectPublished(
        headline.rows[0]!.withdrawals,
        await sql(
          `SELECT count(*) AS n FROM opposition_changes WHERE op = 'remove' AND reason = 'withdrawn' AND ${inDays}`,
          dFrom,
          dTo,
        ),
      );

      const daily = await json("refusals-daily.json", of(period));
      expect(daily.from).toBe(dFrom);
      for (const row of daily.rows) {
        const day = String(row.day);
        const channel = row.channel === "total" ? "" : `AND source = '${String(row.channel)}'`;
        const scopes: Record<string, string> = {
          "all-senders": "all",
          "one-sender": "sender",
          "one-list-source": "source",
        };
        const scope = row.scope === "total" ? "" : `AND scope = '${scopes[String(row.scope)]}'`;
        expectPublished(
          row.new_refusals,
          await sql(
            `SELECT count(*) AS n FROM opposition_changes WHERE op = 'add' AND reason = 'opposed' AND ${inDays} ${channel} ${scope}`,
            day,
            day,
          ),
        );
      }
      const weekly = await json("refusals-weekly.json", of(period));
      for (const row of weekly.rows.filter((r) => r.channel === "total" && r.scope === "total")) {
        expectPublished(
          row.new_refusals,
          await added(
            `AND at < (($3::date + 7)::timestamp AT TIME ZONE 'Africa/Casablanca') AND at >= ($3::date::timestamp AT TIME ZONE 'Africa/Casablanca')`,
            row.week,
          ),
        );
      }

      // Senders are published per month only: a week's are those of its Thursday's month.
      const senders = await json("senders.json", of(period));
      const month = period.kind === "month" ? period : monthOf(addDays(period.from, 3));
      expect([senders.from, senders.to]).toEqual([month.from, month.to]);
      for (const s of [a, b]) {
        const row = senders.rows.find((r) => r.sender === s.code);
        if (!row) continue;
        expectPublished(
          row.refusals,
          await sql(
            `SELECT count(*) AS n FROM opposition_changes WHERE op = 'add' AND reason = 'opposed' AND ${inDays} AND sender_id = $3`,
            month.from,
            month.to,
            s.id,
          ),
        );
      }
      const complaints = await json("complaints-daily.json", of(period));
      for (const row of complaints.rows) {
        const day = String(row.day);
        expectPublished(
          row.received,
          await sql(`SELECT count(*) AS n FROM complaints WHERE ${inDays.replaceAll("at ", "created_at ")}`, day, day),
        );
      }

      // The staff dashboard's definitions, for the same days.
      const dashboard = await getDashboard({ from: dFrom, to: dTo, preset: "custom" });
      expectPublished(headline.rows[0]!.new_refusals, dashboard.kpis.newInPeriod);
      expectPublished(headline.rows[0]!.complaints_received, dashboard.kpis.complaintsNew);
    }

    // Monday's 3 web refusals of sender A are hidden, and with them a second channel of that day.
    const week = await json("refusals-daily.json", of(weekPeriod(monday)));
    const mondayRows = week.rows.filter((r) => r.day === monday && r.scope === "total" && r.channel !== "total");
    expect(mondayRows.find((r) => r.channel === "web")!.new_refusals).toBe("masked");
    expect(mondayRows.filter((r) => r.new_refusals === "masked").length).toBeGreaterThanOrEqual(2);
  });

  it("never leaves one hidden cell in a published total: days and channels, weeks and days, sectors and senders", async () => {
    const monday = weekAgo(26);
    const [small, big] = [await sender("politics"), await sender("politics")];
    await refusals(addDays(monday, 1), 3, { senderId: small.id });
    await refusals(addDays(monday, 2), 12, { senderId: big.id });
    await refusals(addDays(monday, 4), 25, { senderId: big.id, source: "web" });
    await refusals(addDays(monday, 4), 2, { source: "keyword" });
    await rebuildRollups(monday, addDays(monday, 6));
    await minted(monday, small.id, 6);
    await minted(monday, big.id, 6);
    const query = of(weekPeriod(monday));

    const senders = await json("senders.json", of(monthOf(monday)));
    const row = (code: string) => senders.rows.find((r) => r.sender === code)!;
    expect(row(small.code)).toMatchObject({
      sector: "politics",
      refusals: "masked",
      refusals_per_1000_links: "masked",
      links_minted: 6,
    });
    // Published alone, the politics total minus the big sender's 37 would give the small one's 3.
    const sectors = await json("sectors.json", of(monthOf(monday)));
    const politics = sectors.rows.find((r) => r.sector === "politics")!;
    expect(politics.refusals === "masked" || row(big.code).refusals === "masked").toBe(true);

    const daily = (await json("refusals-daily.json", query)).rows;
    const weekly = (await json("refusals-weekly.json", query)).rows;
    const hidden = (v: unknown) => v === "masked";
    const dayTotals = daily.filter((r) => r.channel === "total" && r.scope === "total");
    for (const total of dayTotals) {
      const parts = (by: "channel" | "scope") =>
        daily.filter(
          (r) => r.day === total.day && r[by] !== "total" && r[by === "channel" ? "scope" : "channel"] === "total",
        );
      for (const by of ["channel", "scope"] as const) {
        const count = [total, ...parts(by)].filter((r) => hidden(r.new_refusals)).length;
        expect(count, `${String(total.day)} by ${by}`).not.toBe(1);
      }
    }
    const weekTotal = weekly.find((r) => r.week === monday && r.channel === "total" && r.scope === "total")!;
    expect([weekTotal, ...dayTotals].filter((r) => hidden(r.new_refusals)).length).not.toBe(1);
    for (const channel of ["link", "web", "keyword", "staff"]) {
      const cells = [
        weekly.find((r) => r.week === monday && r.channel === channel)!,
        ...daily.filter((r) => r.channel === channel),
      ];
      expect(cells.filter((r) => hidden(r.new_refusals)).length, channel).not.toBe(1);
    }
  });

  it("publishes refusals and no-consent complaints by source kind, and by named source above the threshold", async () => {
    const month = monthOf(addDays(weekAgo(16), 3));
    const day = addDays(month.from, 9);
    const cli = { kind: "cli", label: "open-data-test" } as const;
    const named = await createListSource(cli, { code: uniqueSlug("broker"), name: "Big Broker", kind: "broker" });
    const small = await createListSource(cli, { code: uniqueSlug("broker"), name: "Small Broker", kind: "broker" });
    const partner = await createListSource(cli, { code: uniqueSlug("partner"), name: "Partner", kind: "partner" });
    const tiny = await createListSource(cli, { code: uniqueSlug("partner"), name: "Tiny", kind: "partner" });
    await sourceMinted(day, named.id, 800);
    await sourceMinted(day, small.id, 3); // under the threshold: never named
    await sourceMinted(day, partner.id, 60);
    await sourceMinted(day, tiny.id, 2);
    await sourceMinted(day, null, 5000);
    await sourceRefusals(day, 24, named.id);
    await sourceRefusals(day, 12, small.id);
    await sourceRefusals(day, 11, partner.id);
    await sourceRefusals(day, 3, tiny.id);
    await rebuildRollups(day, day);
    await noConsentComplaints(day, 13, named.id);
    await noConsentComplaints(day, 10, null);

    const sources = await json("sources.json", of(month));
    const mine = sources.rows.filter((r) =>
      [named.code, small.code, partner.code, tiny.code].includes(String(r.source)),
    );
    expect(mine.map((r) => r.source)).toEqual([named.code, partner.code].sort());
    expect(mine.find((r) => r.source === named.code)).toMatchObject({
      name: "Big Broker",
      kind: "broker",
      links_minted: 800,
      refusals: 24,
      refusals_per_1000_links: 30,
      no_consent_complaints: 13,
      no_consent_per_1000_links: 16.3,
    });
    const kinds = await json("source-kinds.json", of(month));
    const broker = kinds.rows.find((r) => r.kind === "broker")!;
    // The small broker is counted in its kind, not named: 36 refusals = 24 named + 12 of the others.
    expect(broker).toMatchObject({ sources: 2, links_minted: 803, refusals: 36, no_consent_complaints: 13 });
    // The partner's 11 are masked: beside its kind's 14 they would give away the tiny partner's 3.
    expect(kinds.rows.find((r) => r.kind === "partner")).toMatchObject({ sources: 2, refusals: 14 });
    expect(mine.find((r) => r.source === partner.code)).toMatchObject({ refusals: "masked", links_minted: 60 });
    const own = kinds.rows.find((r) => r.kind === "own")!;
    expect(own).toMatchObject({ sources: null, refusals: null, no_consent_complaints: 10 });
    expect(own.links_minted).toBeGreaterThanOrEqual(5000);
    // The month's refusals of list sources (refusals-daily, scope one-list-source) equal broker + partner.
    const daily = await json("refusals-daily.json", of(month));
    const ofSources = daily.rows
      .filter((r) => r.day === day && r.channel === "total" && r.scope === "one-list-source")
      .map((r) => r.new_refusals);
    expect(ofSources).toEqual([50]);
  });
});
