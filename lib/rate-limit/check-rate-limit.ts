import "server-only";
import { env } from "@/lib/env";
import { MemoryCounterStore, RedisCounterStore, sharedRedis, type CounterStore } from "./stores";

export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

/** Citizen forms and sign-in: generous for a person, tight for a script. */
export const RATE_LIMITS = {
  stopPerIp: { limit: 20, windowMs: 10 * 60_000 },
  stopPerNumber: { limit: 5, windowMs: 10 * 60_000 },
  reportPerIp: { limit: 10, windowMs: 10 * 60_000 },
  // /verify-pack: each check reads up to 8 MB and verifies a signature.
  verifyPackPerIp: { limit: 30, windowMs: 10 * 60_000 },
  linkConfirmPerIp: { limit: 60, windowMs: 10 * 60_000 },
  signInPerIp: { limit: 20, windowMs: 10 * 60_000 },
  // /number form posts (code requests have their own, tighter rules in lib/verification/rules.ts).
  numberPerIp: { limit: 60, windowMs: 10 * 60_000 },
  // Every address together, before argon2: many addresses cannot multiply the guesses on one account.
  signInPerAccount: { limit: 10, windowMs: 60_000 },
} satisfies Record<string, RateLimitRule>;

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
