import { beforeEach, describe, expect, it, vi } from "vitest";
import { forgetOpenWindow } from "@/lib/open-data/read-open-data";

import { DATASETS } from "./datasets";
import { weekPeriod } from "./grid";
import { addDays, mondayOf } from "./open-period";
import {
  get,
  json,
  of,
  monthOf,
  weekAgo,
  sender,
  refusals,
  rebuildRollups,
  minted,
} from "@/lib/testing/open-data-fixtures";

vi.mock("@/lib/auth/require-staff", () => ({
  requireStaff: async () => ({ id: 0, role: "analyst", actor: { kind: "cli", label: "open-data-test" } }),
}));

// Small senders are named from 5 links here (1 000 by default), so the test stays small.
process.env.STOPSMS_PUBLISH_MIN_LINKS = "5";

// Each test writes figures, then reads them at once: never the window computed before it wrote.
beforeEach(() => forgetOpenWindow());

describe("open data as it is published", () => {
  it("has no personal field in any dataset's schema", () => {
    const personal = /phone|number$|msisdn|receipt|text|message|email|address|name_of|ip$/i;
    for (const [name, dataset] of Object.entries(DATASETS))
      expect(
        dataset.columns.map((c) => c.name).filter((c) => personal.test(c)),
        name,
      ).toEqual([]);
  });

  it("publishes nothing personal in any dataset, JSON or CSV", async () => {
    for (const name of Object.keys(DATASETS)) {
      for (const format of ["json", "csv"]) {
        const response = await get(`${name}.${format}`, "?range=30d");
        expect(response.status).toBe(200);
        const text = await response.text();
        expect(text).not.toMatch(/\+?212\s?[5-7]\d{8}|\b0[5-7]\d{8}\b|R-[A-Z0-9]{5}-[A-Z0-9]{5}|C-[A-Z0-9]/);
        // Every published count is either 0, 10 or more, or "masked".
        if (format === "json") {
          const { rows } = JSON.parse(text) as { rows: Record<string, unknown>[] };
          const counts = DATASETS[name]!.columns.filter((c) => c.type === "count").map((c) => c.name);
          for (const r of rows)
            for (const c of counts)
              // null: a count that does not apply (refusals of the advertisers' own numbers as a source).
              expect(
                r[c] === "masked" ||
                  r[c] === 0 ||
                  r[c] === null ||
                  (typeof r[c] === "number" && (r[c] as number) >= 10),
              ).toBe(true);
        }
      }
    }
  });

  it("answers with CORS, cache headers, an ETag honoured with 304, a data dictionary, CSV downloads, and 404 problem+json for an unknown dataset", async () => {
    const first = await get("refusals-daily.json", "?range=7d");
    expect(first.headers.get("access-control-allow-origin")).toBe("*");
    expect(first.headers.get("cache-control")).toBe("public, max-age=300");
    const etag = first.headers.get("etag")!;
    expect((await get("refusals-daily.json", "?range=7d", { "if-none-match": etag })).status).toBe(304);
    const csv = await get("refusals-daily.csv", "?range=7d");
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect((await csv.text()).split("\r\n")[0]).toBe("day,channel,scope,new_refusals,withdrawals");
    const dictionary = (await (await get("datasets.json")).json()) as {
      licence: { name: string };
      datasets: Record<string, { columns: unknown[] }>;
    };
    expect(Object.keys(dictionary.datasets)).toEqual(Object.keys(DATASETS));
    expect(dictionary.licence.name).toMatch(/Open Licence/);
    const unknown = await get("phones.json");
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toBe("application/problem+json");
    for (const period of ["2016-12", "2026-W99", "2016-12-26", "x"]) {
      const off = await get("senders.json", `?period=${period}`);
      expect(off.status, period).toBe(422);
      expect(((await off.json()) as { code: string }).code).toBe("unknown-period");
    }
  });

  it("answers any range inside a month with the same senders: no two publications differ by a week of a sender", async () => {
    // The review's attack: senders.json for nested ranges, then a subtraction, gave a sender's 5 to 8.
    const month = monthOf(addDays(weekAgo(22), 3));
    // The weeks whose Thursday lies in that month: their senders are the month's.
    const mondays: string[] = [];
    for (let m = mondayOf(month.from); m <= month.to; m = addDays(m, 7))
      if (addDays(m, 3) >= month.from && addDays(m, 3) <= month.to) mondays.push(m);
    const [monday] = mondays as [string];
    const victim = await sender("retail");
    await refusals(addDays(monday, 2), 6, { senderId: victim.id });
    await refusals(addDays(monday, 9), 40, { senderId: victim.id });
    await rebuildRollups(monday, addDays(monday, 13));
    await minted(monday, victim.id, 50);
    const answers = new Set<string>();
    let compared = 0;
    for (const query of [
      ...mondays.map((m) => of(weekPeriod(m))),
      of(month),
      `?range=custom&from=${monday}&to=${addDays(monday, 6)}`,
      `?range=custom&from=${monday}&to=${addDays(monday, 13)}`,
    ]) {
      const senders = await json("senders.json", query);
      if (senders.from !== month.from) continue; // a week whose Thursday lies in the next month
      answers.add(JSON.stringify(senders.rows.find((r) => r.sender === victim.code)));
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(5);
    expect(answers.size).toBe(1);
  });
});
