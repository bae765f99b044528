import http from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as nextRoute } from "@/app/(public)/stop/submit/route";
import { db } from "@/lib/db/client";
import { withoutFormTokens } from "@/lib/web/form-token";
import { serveWebHandler } from "@/lib/web/serve-web-handler";
import { createSender, uniquePhone } from "@/lib/testing/fixtures";
import { answerStopSubmit, isStopSubmit } from "@/lib/web/citizen/answer-stop-submit";

// The production server answers POST /stop/submit itself (scripts/serve.ts); it must answer exactly what
// the Next route answers: the receipt redirect, the form again with its flash cookie, the 403 of a
// cross-site post, in every language.
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (!isStopSubmit(request.method, request.url)) return void response.writeHead(418).end();
    void serveWebHandler(answerStopSubmit, request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

type Answer = { status: number; headers: Record<string, string>; cookies: string[]; body: string };

async function shape(response: Response): Promise<Answer> {
  const headers = Object.fromEntries(response.headers);
  delete headers["set-cookie"];
  delete headers["date"];
  delete headers["connection"];
  delete headers["keep-alive"];
  delete headers["content-length"];
  // Receipt ids are new on every post: the path is compared up to the id.
  if (headers.location) headers.location = headers.location.replace(/^\/receipt\/[^/?]+$/, "/receipt/<id>");
  return {
    status: response.status,
    headers,
    cookies: response.headers.getSetCookie(),
    // Each rendering carries a fresh form token: compared with it set aside.
    body: withoutFormTokens(await response.text()),
  };
}

const post = (headers: Record<string, string>, body: string) => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded", host: new URL(base).host, ...headers },
  body,
});

/** The post exactly as given (fetch would add or drop headers such as Sec-Fetch-Site), as a Response. */
function sendRaw(init: ReturnType<typeof post>): Promise<Response> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${base}/stop/submit`, { method: "POST", headers: init.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(response.headers))
          for (const one of [value ?? []].flat()) headers.append(name, one);
        resolve(new Response(Buffer.concat(chunks), { status: response.statusCode, headers }));
      });
    });
    request.on("error", reject);
    request.end(init.body);
  });
}

describe("the /stop form post's fast path", () => {
  it("sends the same status, headers, cookies and bytes as the Next route", async () => {
    const sender = await createSender();
    const cases: [Record<string, string>, (phone: string) => string][] = [
      [{ "sec-fetch-site": "same-origin" }, (phone) => `phone=${phone}&scope=all`],
      [{ origin: base, cookie: "stopsms_locale=ar" }, (phone) => `phone=${phone}&scope=sender&sender=${sender.code}`],
      [{ "sec-fetch-site": "same-origin", "accept-language": "en" }, () => "phone=12&scope=all"],
      [{ "sec-fetch-site": "same-origin" }, (phone) => `phone=${phone}&scope=sender&sender=nobody-at-all`],
      [{ "sec-fetch-site": "cross-site", cookie: "stopsms_locale=ar" }, (phone) => `phone=${phone}`],
      [{ "sec-fetch-site": "same-origin" }, () => ""],
    ];
    for (const [headers, body] of cases) {
      const form = body(encodeURIComponent(uniquePhone()));
      const fast = await shape(await sendRaw(post(headers, form)));
      const expected = await shape(await nextRoute(new NextRequest(`${base}/stop/submit`, post(headers, form))));
      expect(fast, JSON.stringify(headers)).toEqual(expected);
    }
  });

  it("records the refusal it acknowledges", async () => {
    const phone = uniquePhone();
    const answer = await sendRaw(post({ "sec-fetch-site": "same-origin" }, `phone=${encodeURIComponent(phone)}`));
    expect(answer.status).toBe(303);
    const id = answer.headers.get("location")!.replace("/receipt/", "");
    const row = await db().opposition.findFirst({ where: { phone, receiptId: id, withdrawnAt: null } });
    expect(row).not.toBeNull();
  });

  it("past the network's cap, answers the verified way: one tap sends a code to the number typed, shown masked", async () => {
    const address = "192.0.2.77";
    await db().$executeRaw`
      INSERT INTO unverified_refusals_network_hourly (hour, network, count) VALUES (date_trunc('hour', now()), '192.0.2.0/24', 1000000)
      ON CONFLICT (hour, network) DO UPDATE SET count = 1000000`;
    const phone = uniquePhone();
    const response = await answerStopSubmit(
      new NextRequest("http://stopsms.test/stop/submit", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": address },
        body: `phone=${encodeURIComponent(phone)}&scope=all`,
      }),
    );
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('action="/number/code"');
    expect(page).toContain(`name="phone" value="${phone}"`);
    expect(await db().oppositionChange.count({ where: { phone } })).toBe(0);
  });

  it("leaves every other request to Next", () => {
    expect(isStopSubmit("POST", "/stop/submit")).toBe(true);
    expect(isStopSubmit("POST", "/stop/submit?x=1")).toBe(true);
    expect(isStopSubmit("GET", "/stop/submit")).toBe(false);
    expect(isStopSubmit("POST", "/stop/submitted")).toBe(false);
    expect(isStopSubmit("POST", "/stop")).toBe(false);
    expect(isStopSubmit("POST", "/report/submit")).toBe(false);
  });
});
