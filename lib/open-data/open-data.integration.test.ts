import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/open/v1/[file]/route";
import { db } from "@/lib/db/client";
import { mintLinks } from "@/lib/links/mint-links";
import { recordOpposition } from "@/lib/oppositions/record-opposition";
import { createProvider, uniquePhone, uniqueSlug } from "@/lib/testing/fixtures";
import { DATASETS } from "./datasets";

// Small senders are named from 5 links here (1 000 by default), so the test stays small.
process.env.STOPSMS_PUBLISH_MIN_LINKS = "5";

const get = (file: string, query = "", headers: Record<string, string> = {}) =>
  GET(new Request(`http://stopsms.test/api/open/v1/${file}${query}`, { headers: { "x-forwarded-for": `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`, ...headers } }), {
    params: Promise.resolve({ file }),
  });

async function sender(sector: string, refusals: number) {
  const created = await db().sender.create({ data: { code: uniqueSlug("open"), name: "Open Sender", sector } });
  const provider = await createProvider([created.id]);
  await mintLinks({ providerId: provider.id, senderId: created.id, campaign: "c", phones: Array.from({ length: 6 }, uniquePhone), expiresInDays: 30, defaultRegion: "MA", publicUrl: "https://stopsms.test" });
  for (let i = 0; i < refusals; i++) await recordOpposition({ phone: uniquePhone(), target: { scope: "sender", senderId: created.id }, source: "link", verified: true });
  return created.code;
}

describe("open data", () => {
  it("names senders above the threshold with their sector, hiding small counts and the complementary cell", async () => {
    const [small, big] = [await sender("politics", 3), await sender("politics", 12)];
    const response = await get("senders.json", "?range=7d");
    expect(response.status).toBe(200);
    const { rows } = (await response.json()) as { rows: Record<string, unknown>[] };
    const row = (code: string) => rows.find((r) => r.sender === code)!;
    expect(row(small)).toMatchObject({ sector: "politics", refusals: "< 10", refusals_per_1000_links: "< 10", links_minted: 6 });
    // Published alone, the politics total minus the big sender's 12 would give the small one's 3.
    expect(row(big).refusals).toBe("< 10");
    const sectors = (await (await get("sectors.json", "?range=7d")).json()) as { rows: Record<string, unknown>[] };
    expect(sectors.rows.find((r) => r.sector === "politics")!.refusals).not.toBe(15 - 12);
  });

  it("publishes nothing personal in any dataset, JSON or CSV", async () => {
    await sender("banking", 2);
    for (const name of Object.keys(DATASETS)) {
      for (const format of ["json", "csv"]) {
        const response = await get(`${name}.${format}`, "?range=30d");
        expect(response.status).toBe(200);
        const text = await response.text();
        expect(text).not.toMatch(/\+?212\s?[5-7]\d{8}|\b0[5-7]\d{8}\b|R-[A-Z0-9]{5}-[A-Z0-9]{5}|C-[A-Z0-9]/);
        // Every published count is either 0, 10 or more, or "< 10".
        if (format === "json") {
          const { rows } = JSON.parse(text) as { rows: Record<string, unknown>[] };
          const counts = DATASETS[name]!.columns.filter((c) => c.type === "count").map((c) => c.name);
          for (const r of rows) for (const c of counts) expect(r[c] === "< 10" || r[c] === 0 || (typeof r[c] === "number" && (r[c] as number) >= 10)).toBe(true);
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
    expect((await csv.text()).split("\r\n")[0]).toBe("day,channel,new_refusals,withdrawals");
    const dictionary = (await (await get("datasets.json")).json()) as { licence: { name: string }; datasets: Record<string, { columns: unknown[] }> };
    expect(Object.keys(dictionary.datasets)).toEqual(Object.keys(DATASETS));
    expect(dictionary.licence.name).toMatch(/Open Licence/);
    const unknown = await get("phones.json");
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toBe("application/problem+json");
  });
});
