import { generateKeyPairSync } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/client";
import { signRequest } from "@/lib/web/signatures/sign-request";
import { createProvider, createSender } from "@/lib/testing/fixtures";
import { startAppServer } from "@/scripts/lib/app-server";
import { nextIp, recordResult } from "./results";

describe("security headers, rate limits and replays over HTTP", () => {
  it("sets CSP (nonce, no unsafe-inline scripts), HSTS, frame-ancestors and referrer policy; rate limits answer 429 with Retry-After; replays are refused", async () => {
    const server = await startAppServer(inject("databaseUrl"), 3234);
    try {
      // The light citizen pages run no script at all: a policy that allows none.
      for (const path of ["/", "/stop", "/report", "/legal", "/number"]) {
        const response = await fetch(`${server.url}${path}`);
        const csp = response.headers.get("content-security-policy") ?? "";
        expect(csp, path).toMatch(/^default-src 'none'; /);
        expect(csp, path).not.toContain("script-src");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(response.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
        expect(response.headers.get("referrer-policy")).toBe("same-origin");
        expect(response.headers.get("x-content-type-options")).toBe("nosniff");
        expect(await response.text()).not.toMatch(/<script\b/);
      }
      for (const path of ["/staff/sign-in", "/developers", "/statistics"]) {
        const response = await fetch(`${server.url}${path}`);
        const csp = response.headers.get("content-security-policy") ?? "";
        const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
        expect(scriptSrc, path).toMatch(/'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
        expect(scriptSrc, path).not.toContain("unsafe-inline");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(response.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
        expect(response.headers.get("referrer-policy")).toBe("same-origin");
        expect(response.headers.get("x-content-type-options")).toBe("nosniff");
        const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1]!;
        const html = await response.text();
        const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
        expect(scripts.length).toBeGreaterThan(0);
        expect(scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
      }
      // Prefetch answers and Auth.js's own endpoints carry the policy and the frame headers too.
      for (const [path, headers] of [
        ["/stop", { "next-router-prefetch": "1", rsc: "1" }],
        ["/stop", { purpose: "prefetch" }],
        ["/api/auth/csrf", {}],
      ] as const) {
        const response = await fetch(`${server.url}${path}`, { headers });
        expect(response.headers.get("content-security-policy"), `${path} ${JSON.stringify(headers)}`).toContain(
          "frame-ancestors 'none'",
        );
        expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      }
      const landing = await fetch(`${server.url}/zzzzzzzz`);
      expect(landing.headers.get("content-security-policy")).toContain("default-src 'none'");

      // Rate limits: the 21st /stop post and the 11th /report post from one address are refused.
      const ip = nextIp();
      const post = (path: string, from: string) =>
        fetch(`${server.url}${path}`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": from },
          body: "phone=12",
          redirect: "manual",
        });
      const stop = [];
      for (let i = 0; i < 21; i++) stop.push(await post("/stop/submit", ip));
      expect(stop.slice(0, 20).every((r) => r.status === 303)).toBe(true);
      expect(stop[20]!.status).toBe(429);
      expect(Number(stop[20]!.headers.get("retry-after"))).toBeGreaterThan(0);
      const reportIp = nextIp();
      const report = [];
      for (let i = 0; i < 11; i++) report.push(await post("/report/submit", reportIp));
      expect(report[10]!.status).toBe(429);
      expect((await post("/stop/submit", nextIp())).status).toBe(303); // another citizen is unaffected

      // Ten parallel copies of one signed request: exactly one is served.
      const sender = await createSender();
      const provider = await createProvider([sender.id]);
      const { publicKey, privateKey } = generateKeyPairSync("ed25519");
      await db().providerKey.create({
        data: {
          keyid: `${provider.slug}-k`,
          providerId: provider.id,
          publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
        },
      });
      const url = `${server.url}/api/v1/senders`;
      const headers = await signRequest({ method: "GET", url, keyid: `${provider.slug}-k`, privateKey });
      const copies = await Promise.all(Array.from({ length: 10 }, () => fetch(url, { headers })));
      const codes = await Promise.all(
        copies.map(async (r) => (r.status === 200 ? "ok" : ((await r.json()) as { code: string }).code)),
      );
      expect(codes.sort()).toEqual(["ok", ...Array(9).fill("replayed")]);
      recordResult("headers, limits, replays", {
        "pages checked for CSP/HSTS/frame-ancestors": 5,
        "/stop posts from one address before 429": 20,
        "/report posts from one address before 429": 10,
        "parallel replays of one signed request served": 1,
      });
    } finally {
      await server.stop();
    }
  });
});
