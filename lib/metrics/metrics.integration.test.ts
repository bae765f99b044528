import { describe, expect, it } from "vitest";
import { recordOpposition } from "@/lib/oppositions/record-opposition";
import { createApiProvider } from "@/lib/testing/api-client";
import { uniquePhone } from "@/lib/testing/fixtures";
import { serveMetrics } from "./serve-metrics";

const TOKEN = "a-metrics-token-for-tests";

describe("/metrics", () => {
  it("exists only with a token, answers only its bearer, in Prometheus' text format with the database's figures", async () => {
    expect((await serveMetrics(`Bearer ${TOKEN}`, undefined)).status).toBe(404);
    expect((await serveMetrics(undefined, TOKEN)).status).toBe(401);
    expect((await serveMetrics("Bearer wrong-token-of-same-size", TOKEN)).status).toBe(401);
    const provider = await createApiProvider();
    await recordOpposition({
      phone: uniquePhone(),
      target: { scope: "all", senderId: null },
      source: "keyword",
      verified: true,
    });
    const answer = await serveMetrics(`Bearer ${TOKEN}`, TOKEN);
    expect(answer.status).toBe(200);
    expect(answer.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(answer.body).toMatch(/^stopsms_feed_head [1-9]\d*$/m);
    expect(answer.body).toMatch(/^stopsms_oppositions_recorded\{source="keyword"\} [1-9]\d*$/m);
    expect(answer.body).toMatch(
      new RegExp(`^stopsms_provider_fetch_lag_seconds\\{provider="${provider.slug}"\\} \\d`, "m"),
    );
    expect(answer.body).toMatch(
      new RegExp(`^stopsms_provider_ack_lag_seconds\\{provider="${provider.slug}"\\} \\d`, "m"),
    );
    expect(answer.body).toMatch(/^stopsms_db_pool_connections\{state="total"\} \d+$/m);
    expect(answer.body).toContain("# TYPE stopsms_http_request_duration_seconds histogram");
  });
});
