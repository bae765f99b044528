import "server-only";
import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

// One registry per process. What is counted in this process (HTTP requests, SMS sent) is a counter; what
// the database knows for every instance (feed head, lags, refusals in force) is read at scrape time
// (collect-database-metrics.ts), so several instances never double-count it.
const globalForMetrics = globalThis as unknown as { stopsmsMetrics?: ReturnType<typeof create> };

function create() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "stopsms_" });
  return {
    registry,
    httpRequests: new Counter({
      name: "stopsms_http_requests_total",
      help: "HTTP requests by route, method and status",
      labelNames: ["route", "method", "status"],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: "stopsms_http_request_duration_seconds",
      help: "HTTP request latency by route",
      labelNames: ["route"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    smsSent: new Counter({
      name: "stopsms_sms_sent_total",
      help: "SMS handed to the gateway",
      labelNames: ["gateway"],
      registers: [registry],
    }),
    smsFailed: new Counter({
      name: "stopsms_sms_failures_total",
      help: "SMS the gateway refused or could not take",
      labelNames: ["gateway"],
      registers: [registry],
    }),
  };
}

export function metrics() {
  globalForMetrics.stopsmsMetrics ??= create();
  return globalForMetrics.stopsmsMetrics;
}
