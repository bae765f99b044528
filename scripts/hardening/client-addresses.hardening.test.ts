import { describe, expect, inject, it } from "vitest";
import { startAppServer } from "@/scripts/lib/app-server";
import { nextIp, recordResult } from "./results";

const PORT = 3238;

describe("client addresses come from the socket unless a trusted proxy speaks", () => {
  it("without STOPSMS_TRUSTED_PROXIES, a forged X-Forwarded-For buys no new rate-limit bucket and no other host", async () => {
    const server = await startAppServer(inject("databaseUrl"), PORT, { STOPSMS_TRUSTED_PROXIES: "" });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 25; i++) {
        const response = await fetch(`${server.url}/stop/submit`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": nextIp() },
          body: "phone=12",
          redirect: "manual",
        });
        statuses.push(response.status);
      }
      expect(statuses.slice(0, 20).every((s) => s === 303)).toBe(true);
      expect(statuses.slice(20)).toEqual([429, 429, 429, 429, 429]);
      // A forged X-Forwarded-Host does not make a cross-site post look same-origin.
      const crossSite = await fetch(`${server.url}/report/submit`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          origin: "https://evil.example",
          "x-forwarded-host": "evil.example",
        },
        body: "x=1",
        redirect: "manual",
      });
      expect(crossSite.status).toBe(403);
      recordResult("trusted proxies", {
        "posts with 25 different forged X-Forwarded-For from one socket": 25,
        "accepted before 429 (the per-address limit)": statuses.filter((s) => s === 303).length,
        "cross-site post with a forged X-Forwarded-Host": "403",
      });
    } finally {
      await server.stop();
    }
  });
});

describe("production refuses to start half-configured", () => {
  it("exits with a clear message without STOPSMS_SIGNING_KEY, and health names the key and the gateway", async () => {
    await expect(startAppServer(inject("databaseUrl"), PORT + 1, { STOPSMS_SIGNING_KEY: "" })).rejects.toThrow(
      /STOPSMS_SIGNING_KEY is required in production/,
    );
    await expect(startAppServer(inject("databaseUrl"), PORT + 1, { STOPSMS_SMS_GATEWAY: "" })).rejects.toThrow(
      /STOPSMS_SMS_GATEWAY is required in production/,
    );
    const server = await startAppServer(inject("databaseUrl"), PORT + 1);
    try {
      const health = (await (await fetch(`${server.url}/api/health`)).json()) as {
        status: string;
        signingKey: { keyid: string };
        smsGateway: { name: string };
      };
      expect(health).toMatchObject({
        status: "ok",
        signingKey: { keyid: expect.stringMatching(/^stopsms-/) },
        smsGateway: { name: "outbox" },
      });
      recordResult("start-up checks", {
        "without STOPSMS_SIGNING_KEY": "refuses to start",
        "without STOPSMS_SMS_GATEWAY": "refuses to start",
        "/api/health": "names the key id and the gateway",
      });
    } finally {
      await server.stop();
    }
  });
});

describe("short-link misses are limited per address", () => {
  it("the 31st unknown code from one address in ten minutes gets a 429; another address is unaffected", async () => {
    const server = await startAppServer(inject("databaseUrl"), PORT + 2);
    try {
      const ip = nextIp();
      const statuses: number[] = [];
      for (let i = 0; i < 31; i++)
        statuses.push(
          (
            await fetch(`${server.url}/zzzzzz${String(i).padStart(2, "2").replace(/[01]/g, "2")}`, {
              headers: { "x-forwarded-for": ip },
            })
          ).status,
        );
      expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
      expect(statuses[30]).toBe(429);
      expect((await fetch(`${server.url}/zzzzzzzz`, { headers: { "x-forwarded-for": nextIp() } })).status).toBe(404);
      recordResult("short-link misses", {
        "unknown codes from one address before 429": statuses.filter((s) => s === 404).length,
      });
    } finally {
      await server.stop();
    }
  });
});
