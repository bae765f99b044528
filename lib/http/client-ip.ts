/**
 * The client's address for rate limiting. Next's server (behind scripts/serve.ts) fills X-Forwarded-For
 * from the socket when the request has none; a reverse proxy appends the address it saw. Either way the
 * last entry is the one added by infrastructure we run, not by the client. Deploy behind a proxy that sets
 * this header.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return last || headers.get("x-real-ip") || "unknown";
}
