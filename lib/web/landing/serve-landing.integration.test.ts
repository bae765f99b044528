import http from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as nextRoute } from "@/app/(public)/[code]/route";
import { withoutFormTokens } from "@/lib/web/form-token";
import { createProvider, createSender, uniquePhone } from "@/lib/testing/fixtures";
import { mintLinks } from "@/lib/links/mint-links";
import { landingCodeOf, serveLanding } from "@/lib/web/landing/serve-landing";

// The production server answers GET/HEAD /<code> itself (scripts/serve.ts); it must answer exactly what
// the Next route answers, in every language, for active, unknown and malformed codes.
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const code = landingCodeOf(request);
    if (code === null) return void response.writeHead(418).end();
    void serveLanding(code, request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function viaNext(code: string, headers: Record<string, string>) {
  const response = await nextRoute(new NextRequest(`${base}/${code}`, { headers }), {
    params: Promise.resolve({ code }),
  });
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body: withoutFormTokens(await response.text()),
  };
}

describe("the landing page's fast path", () => {
  it("sends the same status, headers and bytes as the Next route", async () => {
    const sender = await createSender();
    const provider = await createProvider([sender.id]);
    const { links } = await mintLinks({
      providerId: provider.id,
      senderId: sender.id,
      campaign: "fast",
      phones: [uniquePhone()],
      expiresInDays: 30,
      defaultRegion: "MA",
      publicUrl: base,
    });
    const cases: [string, Record<string, string>][] = [
      [links[0]!.code, { "accept-language": "ar" }],
      [links[0]!.code, { cookie: "other=1; stopsms_locale=en" }],
      [links[0]!.code, {}],
      ["Zzzzzzzz", { "accept-language": "fr" }],
    ];
    for (const [code, headers] of cases) {
      const fast = await fetch(`${base}/${code}`, { headers });
      const expected = await viaNext(code, headers);
      expect(fast.status).toBe(expected.status);
      // Each rendering carries a fresh form token: compared with it set aside.
      expect(withoutFormTokens(await fast.text())).toBe(expected.body);
      for (const [name, value] of Object.entries(expected.headers)) expect(fast.headers.get(name)).toBe(value);
      const head = await fetch(`${base}/${code}`, { method: "HEAD", headers });
      expect(head.status).toBe(expected.status);
      expect(await head.text()).toBe("");
    }
  });

  it("leaves every other request to Next", () => {
    const request = (method: string, url: string) => ({ method, url }) as http.IncomingMessage;
    expect(landingCodeOf(request("GET", "/x7Kq2PzA?utm=sms"))).toBe("x7Kq2PzA");
    expect(landingCodeOf(request("POST", "/x7Kq2PzA"))).toBeNull();
    expect(landingCodeOf(request("GET", "/stop"))).toBeNull();
    expect(landingCodeOf(request("GET", "/x7Kq2PzA/extra"))).toBeNull();
    expect(landingCodeOf(request("GET", "/api/v1/links"))).toBeNull();
  });
});
