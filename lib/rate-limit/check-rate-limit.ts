import "server-only";
import { env } from "@/lib/env";
import { type RateLimitRule } from "./rules";
import { MemoryCounterStore, RedisCounterStore, sharedRedis, type CounterStore } from "./stores";

export { RATE_LIMITS, type RateLimitRule } from "./rules";

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

let store: CounterStore | undefined;

function counterStore(): CounterStore {
  if (!store) {
    const url = env().REDIS_URL;
    store = url ? new RedisCounterStore(sharedRedis(url)) : new MemoryCounterStore();
  }
  return store;
}

export async function checkRateLimit(
  rule: RateLimitRule,
  bucket: string,
  key: string,
  counters = counterStore(),
  amount = 1,
): Promise<RateLimitDecision> {
  const { count, resetAt } = await counters.hit(`stopsms:rl:${bucket}:${key}`, rule.windowMs, amount);
  if (count <= rule.limit) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((resetAt - Date.now()) / 1000)) };
}

/** A quota counted in units (numbers washed or minted), not requests. */
export async function checkQuota(
  rule: RateLimitRule,
  bucket: string,
  key: string,
  amount: number,
): Promise<RateLimitDecision> {
  return checkRateLimit(rule, bucket, key, counterStore(), amount);
}

/** Several rules at once (per IP and per number): the first one exceeded decides. */
export async function checkRateLimits(checks: [RateLimitRule, string, string][]): Promise<RateLimitDecision> {
  for (const [rule, bucket, key] of checks) {
    const decision = await checkRateLimit(rule, bucket, key);
    if (!decision.allowed) return decision;
  }
  return { allowed: true };
}
