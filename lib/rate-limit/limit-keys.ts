import type { RateLimitRule } from "./check-rate-limit";

/** How many more posts an address may send than one client, when its posts carry clients' form tokens. */
export const NAT_FACTOR = 20;

/**
 * Each per-address limit as the keys it is counted under. With the client's form token (lib/web/form-token.ts):
 * per (address, client) at the rule's rate, and per address at NAT_FACTOR times it — a carrier's NAT puts
 * hundreds of citizens behind one address, a client hammering is still stopped. Without one, per address.
 */
export function limitKeys(
  limits: { rule: RateLimitRule; bucket: string; key?: string }[],
  address: string,
  client: string | null,
): [RateLimitRule, string, string][] {
  return limits.flatMap((l): [RateLimitRule, string, string][] => {
    if (l.key !== undefined) return [[l.rule, l.bucket, l.key]];
    if (!client) return [[l.rule, l.bucket, address]];
    return [
      [l.rule, `${l.bucket}-client`, `${address}|${client}`],
      [{ ...l.rule, limit: l.rule.limit * NAT_FACTOR }, `${l.bucket}-shared`, address],
    ];
  });
}
