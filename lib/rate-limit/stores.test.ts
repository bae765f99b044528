import { randomBytes } from "node:crypto";
import Redis from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { checkRateLimit } from "./check-rate-limit";
import { MemoryCounterStore, RedisCounterStore } from "./stores";

const rule = { limit: 3, windowMs: 60_000 };

describe("checkRateLimit with the memory store", () => {
  it("allows up to the limit, then refuses with a Retry-After within the window", async () => {
    const store = new MemoryCounterStore();
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await checkRateLimit(rule, "test", "1.2.3.4", store));
    expect(decisions.slice(0, 3).every((d) => d.allowed)).toBe(true);
    expect(decisions[3]).toMatchObject({ allowed: false });
    const last = decisions[3] as { retryAfterSeconds: number };
    expect(last.retryAfterSeconds).toBeGreaterThan(0);
    expect(last.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await checkRateLimit(rule, "test", "5.6.7.8", store)).allowed).toBe(true);
  });

  it("opens a new window once the old one has ended", async () => {
    const store = new MemoryCounterStore();
    const short = { limit: 1, windowMs: 20 };
    expect((await checkRateLimit(short, "t", "k", store)).allowed).toBe(true);
    expect((await checkRateLimit(short, "t", "k", store)).allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect((await checkRateLimit(short, "t", "k", store)).allowed).toBe(true);
  });
});

describe("checkRateLimit with the Redis store", () => {
  const url = process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379";
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  afterAll(() => redis.disconnect());

  it("shares counts across instances through Redis", async (context) => {
    try {
      await redis.connect();
    } catch {
      console.warn(`[tests] no Redis at ${url}: Redis rate-limit store not exercised`);
      context.skip();
    }
    const key = randomBytes(6).toString("hex");
    const a = new RedisCounterStore(redis);
    const b = new RedisCounterStore(redis);
    const results = [];
    for (const store of [a, b, a, b]) results.push(await checkRateLimit(rule, "test", key, store));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
  });
});
