import "server-only";
import { createHmac } from "node:crypto";
import type { SmsGateway } from "./sms-gateway";

const TIMEOUT_MS = 10_000;

/**
 * For aggregators with an HTTP API: a JSON POST `{to, from, text}` with `X-StopSMS-Signature:
 * sha256=<hex HMAC-SHA256 of the body bytes>`, so the aggregator can refuse forged requests. Any answer
 * other than 2xx is a failure.
 */
export function httpGateway(config: { url: string; secret: string; source: string }): SmsGateway {
  return {
    name: "http",
    async send({ to, text }) {
      const body = JSON.stringify({ to, from: config.source, text });
      const signature = createHmac("sha256", config.secret).update(body).digest("hex");
      const response = await fetch(config.url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-stopsms-signature": `sha256=${signature}` },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (!response.ok) throw new Error(`the SMS gateway answered HTTP ${response.status}`);
    },
  };
}
