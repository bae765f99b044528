import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createProvider, createSender, uniquePhone } from "@/lib/testing/fixtures";
import { confirmLink } from "./confirm-link";
import { isLinkCode } from "./link-code";
import { mintLinks } from "./mint-links";
import { resolveLink } from "./resolve-link";

async function setup() {
  const sender = await createSender();
  const provider = await createProvider([sender.id]);
  const mint = (phones: string[], campaign = "spring") =>
    mintLinks({
      providerId: provider.id,
      senderId: sender.id,
      campaign,
      phones,
      expiresInDays: 90,
      defaultRegion: "MA",
      publicUrl: "https://stopsms.example/",
    });
  return { sender, provider, mint };
}

describe("mintLinks", () => {
  it("mints one valid code per number, reports invalid inputs, and counts them for the dashboard", async () => {
    const { sender, mint } = await setup();
    const phone = uniquePhone();
    const result = await mint([phone, `0${phone.slice(4)}`, "12", "not a number"]);
    expect(result.links).toHaveLength(1);
    expect(result.links[0]!.phone).toBe(phone);
    expect(isLinkCode(result.links[0]!.code)).toBe(true);
    expect(result.links[0]!.url).toBe(`https://stopsms.example/${result.links[0]!.code}`);
    expect(result.invalid.map((i) => i.reason)).toEqual(["too-short", "not-a-number"]);
    const stats = await db().dailyLinkStat.findMany({ where: { senderId: sender.id } });
    expect(stats.reduce((n, s) => n + s.minted, 0)).toBe(1);
  });

  it("returns the same code when the same (sender, campaign, phone) is minted again", async () => {
    const { mint } = await setup();
    const phones = [uniquePhone(), uniquePhone()];
    const first = await mint(phones);
    const again = await mint([...phones].reverse());
    expect(new Map(again.links.map((l) => [l.phone, l.code]))).toEqual(
      new Map(first.links.map((l) => [l.phone, l.code])),
    );
    const other = await mint(phones, "autumn");
    expect(other.links.map((l) => l.code)).not.toContain(first.links[0]!.code);
  });

  it("gives concurrent mints of the same campaign the same codes and counts each link once", async () => {
    const { sender, mint } = await setup();
    // Random numbers can repeat: deduplicated so the expected count is exact.
    const phones = [...new Set(Array.from({ length: 210 }, () => uniquePhone()))].slice(0, 200);
    const results = await Promise.all([mint(phones, "race"), mint(phones, "race"), mint(phones.slice(0, 100), "race")]);
    const codes = new Map(results[0]!.links.map((l) => [l.phone, l.code]));
    for (const result of results) for (const link of result.links) expect(link.code).toBe(codes.get(link.phone));
    expect(await db().stopLink.count({ where: { senderId: sender.id, campaign: "race" } })).toBe(200);
    const stats = await db().dailyLinkStat.findMany({ where: { senderId: sender.id } });
    expect(stats.reduce((n, s) => n + s.minted, 0)).toBe(200);
  });

  it("mints a long list in parallel halves, each number once, and repeats it identically", async () => {
    const { sender, mint } = await setup();
    const phones = [...new Set(Array.from({ length: 12_500 }, () => uniquePhone()))].slice(0, 12_000);
    const first = await mint(phones.slice(0, 7_000), "long");
    const whole = await mint(phones, "long");
    expect(whole.links).toHaveLength(12_000);
    expect(new Set(whole.links.map((l) => l.code)).size).toBe(12_000);
    const firstCodes = new Map(first.links.map((l) => [l.phone, l.code]));
    for (const link of whole.links.slice(0, 7_000)) expect(link.code).toBe(firstCodes.get(link.phone));
    const stats = await db().dailyLinkStat.findMany({ where: { senderId: sender.id } });
    expect(stats.reduce((n, s) => n + s.minted, 0)).toBe(12_000);
  });

  it("mints thousands in one call with distinct codes", async () => {
    const { mint } = await setup();
    const phones = Array.from(
      { length: 3000 },
      (_, i) => `+21261${String(1_000_000 + i * 7 + Math.floor(Math.random() * 7))}`,
    );
    const { links } = await mint(phones);
    expect(new Set(links.map((l) => l.code)).size).toBe(new Set(phones).size);
  });
});

describe("resolveLink and confirmLink", () => {
  it("answers each of many codes asked at once (read in one batch) with its own link", async () => {
    const { mint } = await setup();
    const phones = [uniquePhone(), uniquePhone(), uniquePhone()];
    const { links } = await mint(phones, "batch");
    const codes = [...links.map((l) => l.code), "Zzzzzzzz", links[0]!.code];
    const resolved = await Promise.all(codes.map((code) => resolveLink(code)));
    expect(resolved.map((r) => (r.status === "active" ? r.phone : r.status))).toEqual([
      ...links.map((l) => l.phone),
      "unknown",
      links[0]!.phone,
    ]);
  });

  it("resolves without writing, then records a verified link opposition on confirmation", async () => {
    const { sender, mint } = await setup();
    const phone = uniquePhone();
    const { links } = await mint([phone]);
    const code = links[0]!.code;
    const before = await resolveLink(code);
    expect(before).toMatchObject({
      status: "active",
      phone,
      sender: { code: sender.code },
      opposedSender: null,
      opposedAll: null,
    });
    expect(await db().oppositionChange.count({ where: { phone } })).toBe(0);

    const confirmed = await confirmLink(code, "sender");
    expect(confirmed).toMatchObject({
      status: "recorded",
      created: true,
      receipt: { scope: "sender", source: "link" },
    });
    const after = await resolveLink(code);
    expect(after.status === "active" && after.opposedSender?.receiptId).toBe(
      confirmed.status === "recorded" && confirmed.receipt.id,
    );
    expect((await db().stopLink.findUniqueOrThrow({ where: { code } })).confirmedAt).toBeInstanceOf(Date);
  });

  it("says unknown for malformed or missing codes and expired for old links, recording nothing", async () => {
    const { mint } = await setup();
    expect(await resolveLink("short")).toEqual({ status: "unknown" });
    expect(await resolveLink("zzzzzzzz")).toEqual({ status: "unknown" });
    const phone = uniquePhone();
    const { links } = await mint([phone]);
    await db().stopLink.update({ where: { code: links[0]!.code }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await resolveLink(links[0]!.code)).status).toBe("expired");
    expect(await confirmLink(links[0]!.code, "all")).toEqual({ status: "expired" });
    expect(await db().oppositionChange.count({ where: { phone } })).toBe(0);
  });
});
