import { randomBytes } from "node:crypto";
import Redis from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { MemoryNonceStore, PostgresNonceStore, RedisNonceStore } from "./nonce-store";

describe("nonce replay window", () => {
  it("in memory: a nonce is accepted once within its window, then again after it", async () => {
    const store = new MemoryNonceStore();
    expect(await store.claim("k:n1", 1)).toBe(true);
    expect(await store.claim("k:n1", 1)).toBe(false);
    expect(await store.claim("k:n2", 1)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await store.claim("k:n1", 1)).toBe(true);
  });

  it("in PostgreSQL: parallel replays on two stores, exactly one wins; reusable after the window", async () => {
    const key = `stopsms:test:nonce:${randomBytes(6).toString("hex")}`;
    const [a, b] = [new PostgresNonceStore(), new PostgresNonceStore()];
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).claim(key, 1)));
    expect(results.filter(Boolean)).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await a.claim(key, 1)).toBe(true);
  });

  const url = process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379";
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  afterAll(() => redis.disconnect());

  it("through Redis: two instances racing on one nonce, exactly one wins", async (context) => {
    try {
      await redis.connect();
    } catch {
      console.warn(`[tests] no Redis at ${url}: Redis nonce store not exercised`);
      context.skip();
    }
    const key = `stopsms:test:nonce:${randomBytes(6).toString("hex")}`;
    const a = new RedisNonceStore(url);
    const b = new RedisNonceStore(url);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).claim(key, 600)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await redis.ttl(key)).toBeGreaterThan(590);
  });
});
