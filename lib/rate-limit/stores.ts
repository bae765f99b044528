import "server-only";
import Redis from "ioredis";

/** Counts hits per key in fixed windows. One instance: in memory; several: Redis (REDIS_URL). */
export interface CounterStore {
  /** Adds `amount` hits (one by default); returns the hits in the current window and when it ends (epoch ms). */
  hit(key: string, windowMs: number, amount?: number): Promise<{ count: number; resetAt: number }>;
}

export class MemoryCounterStore implements CounterStore {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private lastSweep = 0;

  async hit(key: string, windowMs: number, amount = 1) {
    const now = Date.now();
    this.sweep(now);
    const current = this.windows.get(key);
    if (!current || current.resetAt <= now) {
      const fresh = { count: amount, resetAt: now + windowMs };
      this.windows.set(key, fresh);
      return { ...fresh };
    }
    current.count += amount;
    return { ...current };
  }

  /** Drops finished windows now and then, so memory stays bounded by the active keys. */
  private sweep(now: number) {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, value] of this.windows) if (value.resetAt <= now) this.windows.delete(key);
  }
}

export class RedisCounterStore implements CounterStore {
  constructor(private readonly redis: Redis) {}

  async hit(key: string, windowMs: number, amount = 1) {
    // INCRBY then set the expiry only on the window's first hit (NX): one round trip.
    const result = await this.redis.multi().incrby(key, amount).pexpire(key, windowMs, "NX").pttl(key).exec();
    const count = Number(result?.[0]?.[1] ?? 1);
    const ttl = Number(result?.[2]?.[1] ?? windowMs);
    return { count, resetAt: Date.now() + (ttl > 0 ? ttl : windowMs) };
  }
}

let redisClient: Redis | undefined;

/** One shared ioredis connection per process (rate limits and the nonce replay window). */
export function sharedRedis(url: string): Redis {
  redisClient ??= new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false });
  return redisClient;
}
