import "server-only";
import { timingSafeEqual } from "node:crypto";
import { registerDatabaseMetrics } from "./collect-database-metrics";
import { metrics } from "./registry";

/**
 * GET /metrics in Prometheus' text format, for a bearer of STOPSMS_METRICS_TOKEN only (figures about
 * providers are not public). Without a configured token the endpoint does not exist (404).
 */
export async function serveMetrics(
  authorization: string | undefined,
  token: string | undefined,
): Promise<{ status: number; contentType: string; body: string }> {
  if (!token) return { status: 404, contentType: "text/plain; charset=utf-8", body: "Not found\n" };
  const given = Buffer.from(authorization?.startsWith("Bearer ") ? authorization.slice(7) : "");
  const expected = Buffer.from(token);
  // Constant time: the token is a secret.
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { status: 401, contentType: "text/plain; charset=utf-8", body: "Unauthorized\n" };
  const { registry } = metrics();
  registerDatabaseMetrics(registry);
  return { status: 200, contentType: registry.contentType, body: await registry.metrics() };
}
