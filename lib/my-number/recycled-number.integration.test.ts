import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { mintLinks } from "@/lib/links/mint-links";
import { applyNumberEvents } from "@/lib/numbers/apply-number-events";
import { recordOpposition } from "@/lib/oppositions/record-opposition";
import { createApiOperator, createApiProvider } from "@/lib/testing/api-client";
import { backdateOppositions, uniquePhone } from "@/lib/testing/fixtures";
import { exportMyNumber } from "./export-my-number";
import { loadMyNumber } from "./load-my-number";

describe("a recycled number starts clean", () => {
  it("my number and its download show only what happened since the operator reported it changed hands", async () => {
    const phone = uniquePhone();
    const provider = await createApiProvider();
    // The earlier holder: a refusal of one sender, and a link minted for them.
    await recordOpposition({
      phone,
      target: { scope: "sender", senderId: provider.senders[0]!.id },
      source: "web",
      verified: true,
    });
    await mintLinks({
      providerId: provider.id,
      senderId: provider.senders[0]!.id,
      campaign: "old-holder",
      phones: [phone],
      expiresInDays: 30,
      defaultRegion: "MA",
      publicUrl: "https://stopsms.test",
    });
    await backdateOppositions(phone);
    await db().$executeRaw`UPDATE stop_links SET created_at = now() - interval '2 days' WHERE phone = ${phone}`;
    await db().$executeRaw`UPDATE opposition_changes SET at = at - interval '2 days' WHERE phone = ${phone}`;
    const operator = await createApiOperator([phone]);
    await applyNumberEvents(
      { providerId: operator.id, keyid: operator.keyid, providerKind: "operator" },
      [{ phone, event: "disconnected", at: new Date(Date.now() - 3_600_000).toISOString() }],
      { defaultRegion: "MA", reviewPerDay: 1000 },
    );
    // The new holder refuses every sender.
    await recordOpposition({ phone, target: { scope: "all", senderId: null }, source: "web", verified: true });

    const view = await loadMyNumber(phone);
    expect(view.inForce.map((o) => o.scope)).toEqual(["all"]);
    expect(view.holders).toEqual([]);
    expect(view.history.map((h) => [h.op, h.scope])).toEqual([["add", "all"]]);
    const data = await exportMyNumber(phone);
    const text = JSON.stringify(data, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v));
    expect(text).not.toContain("old-holder");
    expect(data.oppositions.map((o) => o.scope)).toEqual(["all"]);
    // Staff keep the earlier holder's records.
    expect(await db().opposition.count({ where: { phone } })).toBe(2);
  });
});
