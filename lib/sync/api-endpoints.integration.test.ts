import { describe, expect, it } from "vitest";
import { POST as links } from "@/app/api/v1/links/route";
import { GET as changes } from "@/app/api/v1/suppressions/changes/route";
import { POST as check } from "@/app/api/v1/suppressions/check/route";
import { GET as snapshot } from "@/app/api/v1/suppressions/snapshot/route";
import { db } from "@/lib/db/client";
import { recordOpposition } from "@/lib/oppositions/record-opposition";
import { createApiProvider, signedCall } from "@/lib/testing/api-client";
import { createSender, uniquePhone } from "@/lib/testing/fixtures";
import { TEST_DECLARATION } from "@/lib/testing/declaration";

const ALL = { scope: "all", senderId: null } as const;

describe("GET /suppressions/changes", () => {
  it("pages through this provider's changes with next, more and head", async () => {
    const provider = await createApiProvider();
    const other = await createSender();
    const start = (await signedCall(changes, provider, { path: "/suppressions/changes?limit=1" })).json.head as number;
    const phones = [uniquePhone(), uniquePhone(), uniquePhone()];
    for (const phone of phones)
      await recordOpposition({
        phone,
        target: { scope: "sender", senderId: provider.senders[0]!.id },
        source: "link",
        verified: true,
      });
    await recordOpposition({
      phone: uniquePhone(),
      target: { scope: "sender", senderId: other.id },
      source: "link",
      verified: true,
    });

    const first = await signedCall(changes, provider, { path: `/suppressions/changes?after=${start}&limit=2` });
    expect(first.response.status).toBe(200);
    expect(first.json.more).toBe(true);
    expect(first.json.changes).toHaveLength(2);
    expect(first.json.changes[0]).toEqual({
      seq: expect.any(Number),
      op: "add",
      reason: "opposed",
      phone: phones[0],
      scope: "sender",
      sender: provider.senders[0]!.code,
      at: expect.stringMatching(/Z$/),
      index: expect.any(Number),
      salt: expect.stringMatching(/^[\w-]{22}$/),
    });
    const rest = await signedCall(changes, provider, {
      path: `/suppressions/changes?after=${first.json.next}&limit=10000`,
    });
    const seen = [...first.json.changes, ...rest.json.changes].filter(
      (c: { sender: string | null }) => c.sender !== null,
    );
    expect(seen.map((c: { phone: string }) => c.phone)).toEqual(phones);
    expect(rest.json.more).toBe(false);
    expect(rest.json.next).toBe(rest.json.head);
    const row = await db().provider.findUniqueOrThrow({ where: { id: provider.id } });
    expect(Number(row.seqReached)).toBe(rest.json.next);
    expect(row.lastPullAt).toBeInstanceOf(Date);
  });

  it.each(["after=-1", "after=abc", "limit=0", "limit=10001"])("refuses %s with 422", async (query) => {
    const provider = await createApiProvider();
    const { response, json } = await signedCall(changes, provider, { path: `/suppressions/changes?${query}` });
    expect(response.status).toBe(422);
    expect(json.code).toBe("invalid-request");
  });
});

describe("GET /suppressions/snapshot", () => {
  it("lists what is in force for this provider, page by page, and refuses a forged cursor", async () => {
    const provider = await createApiProvider();
    const mine = uniquePhone();
    await recordOpposition({
      phone: mine,
      target: { scope: "sender", senderId: provider.senders[0]!.id },
      source: "web",
      verified: false,
    });
    const entries: { phone: string; scope: string; sender: string | null; since: string }[] = [];
    let cursor: string | null = null;
    let at: number | undefined;
    do {
      const path: string = `/suppressions/snapshot?limit=500${cursor ? `&cursor=${cursor}` : ""}`;
      const page = await signedCall(snapshot, provider, { path });
      expect(page.response.status).toBe(200);
      at ??= page.json.at;
      expect(page.json.at).toBe(at);
      entries.push(...page.json.entries);
      cursor = page.json.cursor;
    } while (cursor);
    expect(entries).toContainEqual(
      expect.objectContaining({ phone: mine, scope: "sender", sender: provider.senders[0]!.code }),
    );
    // A refused list source (1.2) is in every provider's list; a sender's refusal only in its providers'.
    expect(
      entries.every((e) => e.scope === "all" || e.scope === "source" || e.sender === provider.senders[0]!.code),
    ).toBe(true);
    // Written by PostgreSQL, byte for byte what Date#toISOString gives.
    const mineInForce = await db().opposition.findFirstOrThrow({ where: { phone: mine, withdrawnAt: null } });
    expect(entries.find((e) => e.phone === mine)?.since).toBe(mineInForce.createdAt.toISOString());
    const forged = await signedCall(snapshot, provider, { path: "/suppressions/snapshot?cursor=Zm9yZ2Vk" });
    expect(forged.response.status).toBe(422);
    const huge = Buffer.from("v1.9999999999999999999.1").toString("base64url");
    const outOfRange = await signedCall(snapshot, provider, { path: `/suppressions/snapshot?cursor=${huge}` });
    expect(outOfRange.response.status).toBe(422);
  });
});

describe("POST /suppressions/check", () => {
  it("returns the suppressed numbers among those sent, all-scope first, and the invalid inputs", async () => {
    const provider = await createApiProvider();
    const code = provider.senders[0]!.code;
    const [a, b, c] = [uniquePhone(), uniquePhone(), uniquePhone()];
    await recordOpposition({ phone: a, target: ALL, source: "web", verified: false });
    await recordOpposition({
      phone: a,
      target: { scope: "sender", senderId: provider.senders[0]!.id },
      source: "link",
      verified: true,
    });
    await recordOpposition({
      phone: b,
      target: { scope: "sender", senderId: provider.senders[0]!.id },
      source: "link",
      verified: true,
    });
    const other = await createSender();
    await recordOpposition({
      phone: c,
      target: { scope: "sender", senderId: other.id },
      source: "link",
      verified: true,
    });
    const { response, json } = await signedCall(check, provider, {
      path: "/suppressions/check",
      body: { sender: code, phones: [a, `0${b.slice(4)}`, c, "123"] },
    });
    expect(response.status).toBe(200);
    expect(json.checked).toBe(4);
    expect(
      json.suppressed.sort((x: { phone: string }, y: { phone: string }) => x.phone.localeCompare(y.phone)),
    ).toEqual(
      [
        { phone: a, scope: "all" },
        { phone: b, scope: "sender" },
      ].sort((x, y) => x.phone.localeCompare(y.phone)),
    );
    expect(json.invalid).toEqual([{ input: "123", reason: "too-short" }]);
  });

  it("washes 100 000 numbers in one call", async () => {
    const provider = await createApiProvider();
    const phones = Array.from({ length: 100_000 }, (_, i) => `+21262${String(1_000_000 + i).padStart(7, "0")}`);
    const { response, json } = await signedCall(check, provider, {
      path: "/suppressions/check",
      body: { sender: provider.senders[0]!.code, phones },
    });
    expect(response.status).toBe(200);
    expect(json.checked).toBe(100_000);
    const tooMany = await signedCall(check, provider, {
      path: "/suppressions/check",
      body: { sender: provider.senders[0]!.code, phones: [...phones, "+212612345678"] },
    });
    expect(tooMany.response.status).toBe(422);
  });
});

describe("POST /links", () => {
  it("mints idempotent links for the provider's sender only", async () => {
    const provider = await createApiProvider();
    const phones = [uniquePhone(), uniquePhone()];
    const body = {
      sender: provider.senders[0]!.code,
      campaign: "black-friday-2026",
      phones: [...phones, "bad"],
      expires_in_days: 30,
      declaration: TEST_DECLARATION,
    };
    const first = await signedCall(links, provider, { path: "/links", body });
    expect(first.response.status).toBe(200);
    expect(first.json.links).toHaveLength(2);
    expect(first.json.links[0].url).toMatch(/\/[2-9A-HJ-NP-Za-km-z]{8}$/);
    expect(first.json.invalid).toEqual([{ input: "bad", reason: "not-a-number" }]);
    const again = await signedCall(links, provider, { path: "/links", body });
    expect(again.json.links).toEqual(first.json.links);
    const foreign = await signedCall(links, provider, {
      path: "/links",
      body: { ...body, sender: (await createSender()).code },
    });
    expect(foreign.response.status).toBe(403);
    for (const days of [0, 366]) {
      expect(
        (await signedCall(links, provider, { path: "/links", body: { ...body, expires_in_days: days } })).response
          .status,
      ).toBe(422);
    }
  });
});

describe("numbers quota", () => {
  it("counts numbers washed and minted per provider per minute, refusing past the quota with 429 before any work", async () => {
    const provider = await createApiProvider();
    const sender = provider.senders[0]!.code;
    const phones = Array.from({ length: 100_000 }, (_, i) => `+2126${String(10_000_000 + i)}`);
    // 2 000 000 a minute by default: 20 full washes pass, the 21st is refused.
    const statuses = [];
    for (let i = 0; i < 21; i++)
      statuses.push(
        (await signedCall(check, provider, { path: "/suppressions/check", body: { sender, phones } })).response.status,
      );
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    expect(statuses[20]).toBe(429);
    const refused = await signedCall(links, provider, {
      path: "/links",
      body: { sender, campaign: "q", phones: phones.slice(0, 10), declaration: TEST_DECLARATION },
    });
    expect(refused.response.status).toBe(429);
    expect(Number(refused.response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await db().stopLink.count({ where: { campaign: "q", providerId: provider.id } })).toBe(0);
  });
});

describe("out-of-range cursors", () => {
  it("refuses an `after` beyond a bigint with 422, not a server error", async () => {
    const provider = await createApiProvider();
    const { response } = await signedCall(changes, provider, { path: `/suppressions/changes?after=${"9".repeat(30)}` });
    expect(response.status).toBe(422);
  });

  it("answers 409 cursor-ahead to an `after` beyond the head, and records no progress from it", async () => {
    const provider = await createApiProvider();
    await recordOpposition({
      phone: uniquePhone(),
      target: { scope: "all", senderId: null },
      source: "web",
      verified: false,
    });
    const ahead = await signedCall(changes, provider, { path: "/suppressions/changes?after=9223372036854775807" });
    expect(ahead.response.status).toBe(409);
    expect(ahead.json).toMatchObject({ status: 409, code: "cursor-ahead" });
    const row = await db().provider.findUniqueOrThrow({ where: { id: provider.id } });
    expect(row.seqReached).toBe(0n);
  });

  it("refuses a snapshot cursor forged, altered or taken from another provider", async () => {
    const provider = await createApiProvider();
    const other = await createApiProvider();
    for (let i = 0; i < 3; i++)
      await recordOpposition({
        phone: uniquePhone(),
        target: { scope: "all", senderId: null },
        source: "web",
        verified: false,
      });
    const first = await signedCall(snapshot, provider, { path: "/suppressions/snapshot?limit=1" });
    const cursor = first.json.cursor as string;
    expect(cursor).toEqual(expect.any(String));
    expect(
      (await signedCall(snapshot, provider, { path: `/suppressions/snapshot?limit=1&cursor=${cursor}` })).response
        .status,
    ).toBe(200);
    expect(
      (await signedCall(snapshot, other, { path: `/suppressions/snapshot?limit=1&cursor=${cursor}` })).response.status,
    ).toBe(422);
    const [, at, after, mac] = Buffer.from(cursor, "base64url").toString("utf8").split(".");
    const forged = Buffer.from(`v2.9223372036854775807.${after}.${mac}`).toString("base64url");
    expect(
      (await signedCall(snapshot, provider, { path: `/suppressions/snapshot?limit=1&cursor=${forged}` })).response
        .status,
    ).toBe(422);
    const v1 = Buffer.from(`v1.${at}.${after}`).toString("base64url");
    expect(
      (await signedCall(snapshot, provider, { path: `/suppressions/snapshot?limit=1&cursor=${v1}` })).response.status,
    ).toBe(422);
  });
});
