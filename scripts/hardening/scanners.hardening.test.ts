import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/client";
import { mintLinks } from "@/lib/links/mint-links";
import { createProvider, createSender } from "@/lib/testing/fixtures";
import { startAppServer } from "@/scripts/lib/app-server";
import { pool, recordResult } from "./results";

const SCANNERS = [
  "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
  "WhatsApp/2.24.1.78 A",
  "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
  "TelegramBot (like TwitterBot)",
  "facebookexternalhit/1.1",
  "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0)",
  "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36",
  "curl/8.4.0",
];

describe("link scanners and previews", () => {
  it("1 000 GET, HEAD and prefetch requests on landing pages record nothing", async () => {
    const server = await startAppServer(inject("databaseUrl"), 3232);
    try {
      const sender = await createSender();
      const provider = await createProvider([sender.id]);
      const phones = Array.from({ length: 50 }, (_, i) => `+21261${String(2_000_000 + i)}`);
      const { links } = await mintLinks({
        providerId: provider.id,
        senderId: sender.id,
        campaign: "scan",
        phones,
        expiresInDays: 30,
        defaultRegion: "MA",
        publicUrl: server.url,
      });
      const requests = Array.from({ length: 1000 }, (_, i) => i);
      const statuses = new Map<number, number>();
      await pool(requests, 20, async (i) => {
        const link = links[i % links.length]!;
        const headers: Record<string, string> = { "user-agent": SCANNERS[i % SCANNERS.length]! };
        if (i % 3 === 0)
          Object.assign(headers, { purpose: "prefetch", "sec-purpose": "prefetch", "next-router-prefetch": "1" });
        const response = await fetch(`${server.url}/${link.code}`, { method: i % 4 === 0 ? "HEAD" : "GET", headers });
        await response.arrayBuffer();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      });
      const recorded = await db().oppositionChange.count({ where: { phone: { in: phones } } });
      recordResult("scanners", {
        "requests (GET, HEAD, prefetch)": 1000,
        "scanner user agents": SCANNERS.length,
        statuses: JSON.stringify(Object.fromEntries(statuses)),
        "oppositions recorded": recorded,
      });
      expect(statuses.get(200)).toBe(1000);
      expect(recorded).toBe(0);
    } finally {
      await server.stop();
    }
  });
});
