import { describe, expect, inject, it } from "vitest";
import { startAppServer } from "@/scripts/lib/app-server";
import { recordResult } from "./results";

const PORT = 3241;
const TOKEN = "hardening-metrics-token-0123456789";

describe("metrics of the production server", () => {
  it("counts requests by route and status, without any code or number in a label, for the token's bearer only", async () => {
    const server = await startAppServer(inject("databaseUrl"), PORT, { STOPSMS_METRICS_TOKEN: TOKEN });
    try {
      // Bodies read to the end: a request is counted when its response has finished.
      await (await fetch(`${server.url}/zzzzzzzz`)).text();
      await (await fetch(`${server.url}/stop`)).text();
      expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
      const scrape = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(scrape.status).toBe(200);
      const text = await scrape.text();
      expect(text).toMatch(/^stopsms_http_requests_total\{route="\/<code>",method="GET",status="404"\} 1$/m);
      expect(text).toMatch(/^stopsms_http_requests_total\{route="\/stop",method="GET",status="200"\} 1$/m);
      expect(text).not.toContain("zzzzzzzz");
      expect(text).toMatch(/^stopsms_feed_head \d+$/m);
      recordResult("metrics", {
        "/metrics without the token": 401,
        "series scraped": text.split("\n").filter((l) => l && !l.startsWith("#")).length,
      });
    } finally {
      await server.stop();
    }
  });
});
