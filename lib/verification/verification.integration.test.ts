import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as downloadData } from "@/app/(public)/number/data.json/route";
import { GET as readData } from "@/app/(public)/number/data/route";
import { POST as signOut } from "@/app/(public)/number/sign-out/route";
import { POST as withdrawRoute } from "@/app/(public)/number/withdraw/confirm/route";
import { db } from "@/lib/db/client";
import { loadMyNumber } from "@/lib/my-number/load-my-number";
import { recordOpposition } from "@/lib/oppositions/record-opposition";
import { uniquePhone } from "@/lib/testing/fixtures";
import { createNumberSession, NUMBER_SESSION_COOKIE, readNumberSession } from "./number-session";
import { readSmsBudget } from "@/lib/sms/sms-budget";
import { requestVerificationCode } from "./request-code";
import { CODE_RULES } from "./rules";
import { verifyCode } from "./verify-code";

let addressCounter = 0;
const address = () => `10.9.${++addressCounter >> 8}.${addressCounter & 255}`;

const code = { locale: "fr" as const, defaultRegion: "MA", smsPerHour: 2000 };
async function sendCode(phone: string, now = new Date()) {
  return requestVerificationCode({ ...code, phone, address: address(), now });
}

async function lastCode(phone: string): Promise<string> {
  const message = await db().smsOutbox.findFirstOrThrow({
    where: { phone, NOT: { body: { contains: "/receipt/" } } },
    orderBy: { id: "desc" },
  });
  return /\b(\d{6})\b/.exec(message.body)![1]!;
}

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

describe("SMS codes", () => {
  it("sends a 6-digit code through the gateway and stores only a keyed hash of it", async () => {
    const phone = uniquePhone();
    expect(await sendCode(`0${phone.slice(4)}`)).toEqual({ status: "sent", phone });
    const code = await lastCode(phone);
    const row = await db().verificationCode.findFirstOrThrow({ where: { phone } });
    expect(Buffer.from(row.codeHash).toString("hex")).not.toContain(Buffer.from(code).toString("hex"));
    expect(row.codeHash.length).toBe(32);
    expect(await verifyCode({ phone, code })).toEqual({ status: "verified" });
  });

  it("gives the same answer whether or not the number has refused anything", async () => {
    const [opposed, fresh] = [uniquePhone(), uniquePhone()];
    await recordOpposition({
      phone: opposed,
      target: { scope: "all", senderId: null },
      source: "web",
      verified: false,
    });
    const a = await sendCode(opposed);
    const b = await sendCode(fresh);
    expect({ ...a, phone: "" }).toEqual({ ...b, phone: "" });
  });

  it("expires after 10 minutes", async () => {
    const phone = uniquePhone();
    const sentAt = new Date(Date.now() - (CODE_RULES.validMinutes * 60_000 + 1000));
    await sendCode(phone, sentAt);
    expect(await verifyCode({ phone, code: await lastCode(phone) })).toEqual({ status: "expired" });
  });

  it("is single use", async () => {
    const phone = uniquePhone();
    await sendCode(phone);
    const code = await lastCode(phone);
    expect(await verifyCode({ phone, code })).toEqual({ status: "verified" });
    expect(await verifyCode({ phone, code })).toEqual({ status: "expired" });
  });

  it("ends after five wrong tries, even the right code after them, also when the tries arrive in parallel", async () => {
    const phone = uniquePhone();
    await sendCode(phone);
    const code = await lastCode(phone);
    const tries = await Promise.all(Array.from({ length: 20 }, () => verifyCode({ phone, code: wrong(code) })));
    expect(tries.filter((t) => t.status === "wrong")).toHaveLength(4);
    expect(await verifyCode({ phone, code })).toEqual({ status: "expired" });
    const sequential = uniquePhone();
    await sendCode(sequential);
    const right = await lastCode(sequential);
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await verifyCode({ phone: sequential, code: wrong(right) }));
    expect(answers).toEqual(
      [4, 3, 2, 1].map((triesLeft) => ({ status: "wrong", triesLeft })).concat([{ status: "expired" }] as never),
    );
    expect(await verifyCode({ phone: sequential, code: right })).toEqual({ status: "expired" });
  });

  it("waits longer before each further code to a number (1, 2, 5, 10, then 15 minutes): at most 7 an hour", async () => {
    const phone = uniquePhone();
    const start = Date.now() - 3_500_000;
    expect((await sendCode(phone, new Date(start))).status).toBe("sent");
    expect(await sendCode(phone, new Date(start + 30_000))).toEqual({ status: "wait", retryAfterSeconds: 30 });
    let at = start;
    for (const gap of [60, 120, 300, 600, 900]) {
      const early = await sendCode(phone, new Date(at + (gap - 10) * 1000));
      expect(early, `gap ${gap}`).toEqual({ status: "wait", retryAfterSeconds: 10 });
      at += gap * 1000;
      expect((await sendCode(phone, new Date(at))).status, `after ${gap} s`).toBe("sent");
    }
    expect(await db().smsOutbox.count({ where: { phone } })).toBe(6);
  });

  it("a stranger asking many codes for someone's number never locks its holder out for more than 15 minutes", async () => {
    const phone = uniquePhone();
    const start = Date.now() - 3_500_000;
    // A stranger asks for a code every few seconds for 20 minutes, from ever new addresses.
    for (let s = 0; s < 20 * 60; s += 5) await sendCode(phone, new Date(start + s * 1000));
    const waits: number[] = [];
    for (let s = 20 * 60; s < 60 * 60; s += 60) {
      const answer = await sendCode(phone, new Date(start + s * 1000));
      waits.push(answer.status === "wait" ? answer.retryAfterSeconds : 0);
    }
    expect(Math.max(...waits)).toBeLessThanOrEqual(15 * 60);
    expect(waits).toContain(0); // the holder gets a code within the hour, and again within 15 minutes
    expect(await db().smsOutbox.count({ where: { phone } })).toBeLessThanOrEqual(7);
  });

  it("sends codes only to the region's mobile numbers: not a fixed line, a foreign or a premium-rate number", async () => {
    for (const phone of ["+212522123456", "+33612345678", "+447911123456", "0522123456"])
      expect(await sendCode(phone), phone).toEqual({ status: "invalid", error: "not-mobile" });
    expect(await db().smsOutbox.count({ where: { phone: { in: ["+212522123456", "+33612345678"] } } })).toBe(0);
  });

  it("draws every code on one hourly budget for the platform: past it the form says so, nothing is sent", async () => {
    // An hour of its own, far from the other tests' codes (they share the database).
    const hour = new Date(Math.floor(Date.now() / 3_600_000 + 24 * 400) * 3_600_000 + 60_000);
    const send = (phone: string) =>
      requestVerificationCode({ ...code, smsPerHour: 3, phone, address: address(), now: hour });
    const phones = [uniquePhone(), uniquePhone(), uniquePhone(), uniquePhone()];
    for (const phone of phones.slice(0, 3)) expect((await send(phone)).status).toBe("sent");
    expect(await send(phones[3]!)).toEqual({ status: "busy", retryAfterSeconds: 3540 });
    expect(await db().smsOutbox.count({ where: { phone: phones[3] } })).toBe(0);
    expect(await db().verificationCode.count({ where: { phone: phones[3] } })).toBe(0);
    const view = await readSmsBudget(3, hour);
    expect(view).toMatchObject({ lastHour: 3, alert: true });
    expect(view.anomalies.reduce((sum, a) => sum + a.count, 0)).toBe(3); // at 3 an hour, one code is 10 %
  });

  it("limits the codes asked from one address", async () => {
    const from = "10.8.0.1";
    const results = [];
    for (let i = 0; i < CODE_RULES.perAddress.limit + 1; i++) {
      results.push((await requestVerificationCode({ ...code, phone: uniquePhone(), address: from })).status);
    }
    expect(results.slice(0, -1).every((s) => s === "sent")).toBe(true);
    expect(results.at(-1)).toBe("wait");
  });

  it("writes the SMS in the citizen's language", async () => {
    const phone = uniquePhone();
    await requestVerificationCode({ ...code, locale: "ar", phone, address: address() });
    expect((await db().smsOutbox.findFirstOrThrow({ where: { phone } })).body).toMatch(/^StopSMS: رمزك هو \d{6}/);
  });
});

describe("number sessions", () => {
  it("name one number, expire, and refuse any altered cookie", () => {
    const { value } = createNumberSession("+212612345678");
    expect(readNumberSession(value)?.phone).toBe("+212612345678");
    expect(readNumberSession(value, new Date(Date.now() + 31 * 60_000))).toBeNull();
    const [payload, mac] = value.split(".") as [string, string];
    const forged = Buffer.from(JSON.stringify({ p: "+212698765432", e: Date.now() + 60_000 })).toString("base64url");
    expect(readNumberSession(`${forged}.${mac}`)).toBeNull();
    const flipped = mac.slice(0, -2) + (mac.at(-2) === "A" ? "B" : "A") + mac.at(-1);
    expect(readNumberSession(`${payload}.${flipped}`)).toBeNull();
    expect(readNumberSession("garbage")).toBeNull();
    expect(readNumberSession(`${payload}.${mac}.x`)).toBeNull();
  });

  it("signing out revokes the session on the server: a copy of the cookie no longer opens the number's data", async () => {
    const phone = uniquePhone();
    const cookie = `${NUMBER_SESSION_COOKIE}=${createNumberSession(phone).value}`;
    const request = (url: string, method = "GET") =>
      new NextRequest(`http://stopsms.test${url}`, {
        method,
        headers: { cookie, "sec-fetch-site": "same-origin", "content-type": "application/x-www-form-urlencoded" },
        body: method === "POST" ? "" : undefined,
      });
    expect((await downloadData(request("/number/data.json"))).status).toBe(200);
    expect((await signOut(request("/number/sign-out", "POST"))).status).toBe(303);
    const replayed = await downloadData(request("/number/data.json"));
    expect(replayed.status).toBe(303);
  });
});

function withSession(url: string, phone: string, init: { method?: string; body?: URLSearchParams } = {}) {
  const headers = new Headers({
    cookie: `${NUMBER_SESSION_COOKIE}=${createNumberSession(phone).value}`,
    "sec-fetch-site": "same-origin",
  });
  if (init.body) headers.set("content-type", "application/x-www-form-urlencoded");
  return new NextRequest(`http://stopsms.test${url}`, { method: init.method ?? "GET", headers, body: init.body });
}

describe("my number", () => {
  it("shows one number's data only, and downloads it only with that number's session", async () => {
    const [mine, theirs] = [uniquePhone(), uniquePhone()];
    await recordOpposition({ phone: mine, target: { scope: "all", senderId: null }, source: "web", verified: false });
    await recordOpposition({ phone: theirs, target: { scope: "all", senderId: null }, source: "web", verified: false });
    const view = await loadMyNumber(mine);
    expect(view.inForce).toHaveLength(1);
    expect(JSON.stringify(view, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v))).not.toContain(theirs);
    const page = await readData(withSession("/number/data", mine));
    expect(page.headers.get("cache-control")).toBe("private, no-store");
    const html = await page.text();
    expect(html).toContain("Mes données");
    expect(html).toContain("Tous les SMS commerciaux, de tous les expéditeurs");
    expect(html).not.toContain(theirs);
    expect((await readData(new NextRequest("http://stopsms.test/number/data"))).status).toBe(303);
    const response = await downloadData(withSession("/number/data.json", mine));
    expect(response.headers.get("content-disposition")).toContain("attachment");
    const text = await response.text();
    expect(JSON.parse(text).phone).toBe(mine);
    expect(text).not.toContain(theirs);
    const anonymous = await downloadData(new NextRequest("http://stopsms.test/number/data"));
    expect(anonymous.status).toBe(303);
  });

  it("withdraws with exactly one feed remove, reason withdrawn, and a receipt", async () => {
    const phone = uniquePhone();
    await recordOpposition({ phone, target: { scope: "all", senderId: null }, source: "link", verified: true });
    const body = new URLSearchParams({ scope: "all", confirm: "yes" });
    const response = await withdrawRoute(withSession("/number/withdraw/confirm", phone, { method: "POST", body }));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toMatch(/^\/receipt\/R-/);
    // The verified holder gets the withdrawal's receipt by SMS too.
    const receiptId = response.headers.get("location")!.slice("/receipt/".length);
    const sms = await db().smsOutbox.findMany({ where: { phone }, select: { body: true } });
    expect(sms.map((m) => m.body)).toEqual([
      `StopSMS : votre retrait est enregistré. Reçu ${receiptId} : http://localhost:3000/receipt/${receiptId}`,
    ]);
    const changes = await db().oppositionChange.findMany({ where: { phone }, orderBy: { seq: "asc" } });
    expect(changes.map((c) => [c.op, c.reason])).toEqual([
      ["add", "opposed"],
      ["remove", "withdrawn"],
    ]);
    // Posting again changes nothing.
    await withdrawRoute(withSession("/number/withdraw/confirm", phone, { method: "POST", body }));
    expect(await db().oppositionChange.count({ where: { phone } })).toBe(2);
    // Without the confirmation field, nothing is withdrawn.
    await recordOpposition({ phone, target: { scope: "all", senderId: null }, source: "web", verified: true });
    await withdrawRoute(
      withSession("/number/withdraw/confirm", phone, { method: "POST", body: new URLSearchParams({ scope: "all" }) }),
    );
    expect(await db().opposition.count({ where: { phone, withdrawnAt: null } })).toBe(1);
  });
});
