import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createSender, uniquePhone } from "@/lib/testing/fixtures";
import { loadReceipt } from "./load-receipt";
import { submitWebOpposition } from "./submit-web-opposition";

/** The receipt a recorded submission points to (the form redirects to it). */
async function receiptOf(result: Awaited<ReturnType<typeof submitWebOpposition>>) {
  if (result.status !== "recorded") throw new Error(`not recorded: ${result.status}`);
  return (await loadReceipt(result.receiptId))!;
}

describe("submitWebOpposition (the /stop form)", () => {
  it("records an unverified web opposition for a national number", async () => {
    const phone = uniquePhone();
    const result = await submitWebOpposition({ phone: `0${phone.slice(4)}`, scope: "all" }, "MA");
    expect(await receiptOf(result)).toMatchObject({ phone, scope: "all", source: "web" });
    const row = await db().opposition.findFirstOrThrow({ where: { phone } });
    expect(row.verified).toBe(false);
  });

  it("tells nothing of an earlier refusal: a second request gets a new receipt dated now, alike in all but its id", async () => {
    const phone = uniquePhone();
    const first = await receiptOf(await submitWebOpposition({ phone, scope: "all" }, "MA"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await receiptOf(await submitWebOpposition({ phone, scope: "all" }, "MA"));
    expect(second.id).not.toBe(first.id);
    expect(second.createdAt.getTime()).toBeGreaterThan(first.createdAt.getTime());
    const { id: _a, createdAt: _b, ...firstRest } = first;
    const { id: _c, createdAt: _d, ...secondRest } = second;
    expect(secondRest).toEqual(firstRest);
    // Nothing new in the feed: the refusal was already in force.
    expect(await db().oppositionChange.count({ where: { phone } })).toBe(1);
  });

  it("finds the sender by display name or code, in any case", async () => {
    const sender = await createSender();
    const byName = await submitWebOpposition(
      { phone: uniquePhone(), scope: "sender", sender: sender.name.toUpperCase() },
      "MA",
    );
    const byCode = await submitWebOpposition({ phone: uniquePhone(), scope: "sender", sender: sender.code }, "MA");
    for (const result of [byName, byCode])
      expect(await receiptOf(result)).toMatchObject({ sender: { code: sender.code } });
  });

  it.each([
    [{ phone: "", scope: "all" }, { phone: "phone.empty" }],
    [{ phone: "12", scope: "all" }, { phone: "phone.too-short" }],
    [{ phone: "abc", scope: "all" }, { phone: "phone.not-a-number" }],
    [{ phone: "x".repeat(300), scope: "all" }, { phone: "phone.too-long" }],
    [{ phone: 42, scope: "everything" }, { phone: "phone.empty" }],
    [{ phone: "0698765432", scope: "sender", sender: "" }, { sender: "sender.required" }],
    [{ phone: "0698765432", scope: "sender", sender: "qxzv-wyrkt" }, { sender: "sender.unknown" }],
  ])("refuses %j with %j and writes nothing", async (input, errors) => {
    const result = await submitWebOpposition(input, "MA");
    expect(result).toMatchObject({ status: "invalid", errors });
    expect(await db().oppositionChange.count({ where: { phone: "+212698765432" } })).toBe(0);
  });

  it("rate-limits one number asked for too often", async () => {
    const phone = uniquePhone();
    const results = [];
    for (let i = 0; i < 6; i++) results.push((await submitWebOpposition({ phone, scope: "all" }, "MA")).status);
    expect(results).toEqual(["recorded", "recorded", "recorded", "recorded", "recorded", "rate-limited"]);
  });

  it("refuses unverified refusals past the hourly cap, all addresses together, and records nothing then", async () => {
    // Only this file posts /stop refusals in the unit suite, so it may fill the current hour for a moment.
    const [row] = await db().$queryRaw<{ count: number }[]>`
      INSERT INTO unverified_refusals_hourly (hour, count) VALUES (date_trunc('hour', now()), 0)
      ON CONFLICT (hour) DO UPDATE SET count = unverified_refusals_hourly.count RETURNING count`;
    await db()
      .$executeRaw`UPDATE unverified_refusals_hourly SET count = 1000000000 WHERE hour = date_trunc('hour', now())`;
    try {
      const phone = uniquePhone();
      const result = await submitWebOpposition({ phone, scope: "all" }, "MA");
      expect(result.status).toBe("busy");
      expect(await db().oppositionChange.count({ where: { phone } })).toBe(0);
    } finally {
      await db()
        .$executeRaw`UPDATE unverified_refusals_hourly SET count = ${row!.count} WHERE hour = date_trunc('hour', now())`;
    }
  });

  it("counts only what it records: a repeat of a refusal in force is taken back from the hour's counts", async () => {
    const network = `198.51.100.${Math.floor(Math.random() * 250)}/24-repeat-${Date.now()}`;
    const phone = uniquePhone();
    expect((await submitWebOpposition({ phone, scope: "all" }, "MA", network)).status).toBe("recorded");
    expect((await submitWebOpposition({ phone, scope: "all" }, "MA", network)).status).toBe("recorded");
    const [row] = await db().$queryRaw<{ count: number }[]>`
      SELECT count FROM unverified_refusals_network_hourly WHERE hour = date_trunc('hour', now()) AND network = ${network}`;
    expect(row!.count).toBe(1);
  });

  it("past one network's hourly cap, its citizens are offered the verified way; another network still records", async () => {
    const busy = `203.0.113.0/24-busy-${Date.now()}`;
    await db().$executeRaw`
      INSERT INTO unverified_refusals_network_hourly (hour, network, count) VALUES (date_trunc('hour', now()), ${busy}, 1000000)`;
    const phone = uniquePhone();
    const refused = await submitWebOpposition({ phone, scope: "all" }, "MA", busy);
    expect(refused).toMatchObject({ status: "busy", phone });
    expect(await db().oppositionChange.count({ where: { phone } })).toBe(0);
    const [row] = await db().$queryRaw<{ count: number }[]>`
      SELECT count FROM unverified_refusals_network_hourly WHERE hour = date_trunc('hour', now()) AND network = ${busy}`;
    expect(row!.count).toBe(1000000); // the refused post was not counted
    const other = await submitWebOpposition({ phone: uniquePhone(), scope: "all" }, "MA", `${busy}-other`);
    expect(other.status).toBe("recorded");
  });

  it("answers a repeat exactly like a first refusal: neither receipt shows its register entry (the old one would tell)", async () => {
    const phone = uniquePhone();
    const first = await submitWebOpposition({ phone, scope: "all" }, "MA");
    const repeat = await submitWebOpposition({ phone, scope: "all" }, "MA");
    const [a, b] = await Promise.all([first, repeat].map((r) => loadReceipt((r as { receiptId: string }).receiptId)));
    const shape = (r: typeof a) => ({ ...r!, id: "", createdAt: 0 });
    expect(shape(a)).toEqual(shape(b));
    expect(a!.log).toBeNull();
    expect(a!.proofHidden).toBe(true);
  });
});
