import { CLIENT_IP_HEADER } from "@/lib/web/trusted-proxies";

/**
 * The client's address for rate limits and lock-outs: decided once by the production server from the
 * socket and STOPSMS_TRUSTED_PROXIES (lib/web/trusted-proxies.ts), which also drops any value a client sent.
 * Under `next dev` (no such server) the last X-Forwarded-For entry stands in.
 */
export function clientIp(headers: Headers): string {
  const decided = headers.get(CLIENT_IP_HEADER);
  if (decided) return decided;
  return headers.get("x-forwarded-for")?.split(",").at(-1)?.trim() || "unknown";
}
