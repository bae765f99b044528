import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import { encode } from "next-auth/jwt";
import { describe, expect, inject, it } from "vitest";
import { createNumberSession, NUMBER_SESSION_COOKIE } from "@/lib/verification/number-session";
import { db } from "@/lib/db/client";
import { signRequest } from "@/lib/web/signatures/sign-request";
import { createApiProvider } from "@/lib/testing/api-client";
import { createProvider, createSender } from "@/lib/testing/fixtures";
import { startAppServer } from "@/scripts/lib/app-server";
import { ROUTES } from "@/lib/web/routes";
import { recordResult } from "./results";

const PORT = 3236;
const FORMS_PORT = 3250;
const MiB = 1024 * 1024;

/** The process's resident memory; 0 once it has exited (a failed test stops the server before its sampler). */
function rssMiB(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Streams up to `total` bytes as a chunked body (no Content-Length); stops when the answer arrives. */
function chunkedUpload(
  url: string,
  headers: Record<string, string>,
  total: number,
  contentType = "application/json",
): Promise<{ status: number; sentMiB: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    const request = http.request(
      url,
      { method: "POST", headers: { ...headers, "content-type": contentType } },
      (response) => {
        answered = true;
        response.resume();
        response.on("end", () => {
          request.destroy();
          resolve({ status: response.statusCode ?? 0, sentMiB: sent / MiB });
        });
      },
    );
    request.on("error", (error) => (answered ? undefined : reject(error)));
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", pump);
      }
      if (!answered) request.end();
    };
    pump();
  });
}

describe("request bodies cannot exhaust the server's memory", () => {
  it("keeps RSS bounded under parallel 250 MB chunked bodies, unsigned and signed", async () => {
    const server = await startAppServer(inject("databaseUrl"), PORT);
    try {
      const sender = await createSender();
      const provider = await createProvider([sender.id]);
      const { publicKey, privateKey } = generateKeyPairSync("ed25519");
      const keyid = `${provider.slug}-big`;
      await db().providerKey.create({
        data: {
          keyid,
          providerId: provider.id,
          publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
        },
      });
      const url = `${server.url}/api/v1/suppressions/check`;
      const pid = server.process.pid!;
      await fetch(`${server.url}/api/health`);
      const baseline = rssMiB(pid);
      let peak = baseline;
      const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 50);
      const unsigned = Array.from({ length: 3 }, () => chunkedUpload(url, {}, 250 * MiB));
      const signed = Array.from({ length: 3 }, async () =>
        chunkedUpload(url, await signRequest({ method: "POST", url, body: "{}", keyid, privateKey }), 250 * MiB),
      );
      const results = await Promise.all([...unsigned, ...signed]);
      clearInterval(sampler);
      expect(results.slice(0, 3).map((r) => r.status)).toEqual([401, 401, 401]);
      // Signed ones: 413 at the limit, or 429 when the provider already runs its two bulk calls.
      for (const r of results.slice(3)) expect([413, 429]).toContain(r.status);
      const growth = peak - baseline;
      expect(growth).toBeLessThan(120);
      expect((await fetch(`${server.url}/api/health`)).ok).toBe(true);
      recordResult("bounded request bodies", {
        "parallel chunked uploads of up to 250 MB": 6,
        "unsigned: status": results
          .slice(0, 3)
          .map((r) => r.status)
          .join(" "),
        "unsigned: MiB sent before the answer": results
          .slice(0, 3)
          .map((r) => r.sentMiB.toFixed(1))
          .join(" "),
        "signed: status": results
          .slice(3)
          .map((r) => r.status)
          .join(" "),
        "signed: MiB sent before the answer": results
          .slice(3)
          .map((r) => r.sentMiB.toFixed(1))
          .join(" "),
        "server RSS before (MiB)": baseline.toFixed(0),
        "server RSS peak (MiB)": peak.toFixed(0),
      });
    } finally {
      await server.stop();
    }
  });
});

// Every POST/PUT route of the route table (lib/web/routes.ts), through the production server (the fast path
// for /stop/submit, Next for the rest): the adversarial review grew the server by 600 MiB with one chunked
// 200 MiB /stop/submit. A new route is in the table, so it is in this test.
const samplePath = (pattern: string) =>
  pattern
    .replace("[code]", "Ab3dEf7h")
    .replace("[action]", "provider-create")
    .replace(/\[\.\.\.\w+\]/, "no/such/endpoint")
    .replace(/\[\w+\]/g, "C-7F3KQ-92QDX");
const BODY_ROUTES = ROUTES.filter(
  (r) => r.methods.some((m) => m === "POST" || m === "PUT") && r.source.startsWith("app/"),
);

describe("bodies are bounded and checked at every route that takes one", () => {
  it("a 50 MB chunked body and a NUL byte to each: 4xx (413 / 400-422), never 200 or 500, RSS grows < 50 MB", async () => {
    // The test's own platform key: the number session it makes is one the server accepts.
    const server = await startAppServer(inject("databaseUrl"), FORMS_PORT, {
      STOPSMS_SIGNING_KEY: process.env.STOPSMS_SIGNING_KEY!,
    });
    try {
      const pid = server.process.pid!;
      // An operator's key: every signed route, the number events included, reads its body.
      const { id, keyid, privateKey } = await createApiProvider();
      await db().provider.update({ where: { id }, data: { kind: "operator" } });
      // Routes behind a session are sent with one (a staff analyst's, a verified number's): without it the door
      // answers before the body is read (checked below), and the body's bounds are the handler's to keep.
      const analyst = await db().staffUser.create({
        data: { email: `bodies-${Date.now()}@cndp.example`, role: "analyst", passwordHash: "x" },
      });
      const staffToken = await encode({
        token: { staffId: analyst.id, sessionVersion: 0 },
        secret: "hardening-only-secret-hardening-only-secret",
        salt: "authjs.session-token",
      });
      const cookies: Partial<Record<string, string>> = {
        staff: `authjs.session-token=${staffToken}`,
        "citizen-session": `${NUMBER_SESSION_COOKIE}=${createNumberSession("+212612345678").value}`,
      };
      const form = "application/x-www-form-urlencoded";
      const json = "application/json";
      const send = async (route: (typeof BODY_ROUTES)[number], i: number, body: string) => {
        const url = `${server.url}${samplePath(route.path)}`;
        const base: Record<string, string> = {
          "sec-fetch-site": "same-origin",
          "x-forwarded-for": `203.0.113.${(i % 250) + 1}`,
        };
        const cookie = cookies[route.auth];
        if (cookie) base.cookie = cookie;
        const signed = route.auth === "signed" || route.auth === "operator";
        return {
          url,
          type: route.contentTypes.includes(json) ? json : form,
          headers: signed
            ? { ...base, ...(await signRequest({ method: "POST", url, body, keyid, privateKey })) }
            : base,
        };
      };
      // Each route's code loads at its first request: load them all before measuring.
      for (const [i, route] of BODY_ROUTES.entries()) {
        const { url, type, headers } = await send(route, i, "{}");
        await fetch(url, {
          method: "POST",
          headers: { ...headers, "content-type": type },
          body: "{}",
          redirect: "manual",
        });
      }
      const baseline = rssMiB(pid);
      let peak = baseline;
      const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 50);
      const large: string[] = [];
      const nul: string[] = [];
      for (const [i, route] of BODY_ROUTES.entries()) {
        // The signature covers a body's digest: the large body's differs, so a signed one is refused at the
        // digest (400) or, first, at the limit (413) — either way before it is held.
        const big = await send(route, i, "{}");
        const answer = await chunkedUpload(big.url, big.headers, 50 * MiB, big.type);
        large.push(`${route.path} ${answer.status}`);
        expect(answer.status, `${route.path} large`).toBeGreaterThanOrEqual(400);
        expect(answer.status, `${route.path} large`).toBeLessThan(500);
        expect([413, 400, 401, 403, 404, 405, 429], `${route.path} large`).toContain(answer.status);
        const text =
          big.type === json
            ? JSON.stringify({ phones: ["+212612345678"], sender: "a\u0000b", text: "x\u0000", applied: 1 })
            : "phone=0612%00345678&senderSeen=A%00&messageText=x%00&locale=fr";
        const bad = await send(route, i, text);
        const refused = await fetch(bad.url, {
          method: "POST",
          headers: { ...bad.headers, "content-type": bad.type },
          body: text,
          redirect: "manual",
        });
        nul.push(`${route.path} ${refused.status}`);
        expect(refused.status, `${route.path} NUL`).toBeGreaterThanOrEqual(400);
        expect(refused.status, `${route.path} NUL`).toBeLessThan(500);
      }
      // Without the session a route asks for, the door answers first: the body is never read.
      const anonymous: string[] = [];
      for (const route of BODY_ROUTES.filter((r) => cookies[r.auth])) {
        const answer = await chunkedUpload(`${server.url}${samplePath(route.path)}`, {}, 50 * MiB, form);
        anonymous.push(`${route.path} ${answer.status}`);
        // 303, not the handler's 413: the door answered before any handler read the body. The bytes the client
        // kept sending until it read the answer were dropped as they came, never held (RSS below).
        expect(answer.status, `${route.path} anonymous`).toBe(303);
      }
      clearInterval(sampler);
      expect(peak - baseline).toBeLessThan(50);
      expect((await fetch(`${server.url}/api/health`)).ok).toBe(true);
      recordResult("bounded bodies at every route of the table that takes one", {
        "without the session the route asks for: status (body not read)": anonymous.join(", "),
        routes: BODY_ROUTES.length,
        "50 MB chunked body: status per route": large.join(", "),
        "NUL byte: status per route": nul.join(", "),
        "server RSS before (MiB)": baseline.toFixed(0),
        "server RSS peak (MiB)": peak.toFixed(0),
      });
    } finally {
      await server.stop();
    }
  });
});
