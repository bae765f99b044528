import "server-only";
import { pool } from "@/lib/db/client";
import { env } from "@/lib/env";
import { sharedRedis } from "@/lib/rate-limit/stores";

export const NONCE_WINDOW_SECONDS = 600;

export interface NonceStore {
  /** Records the nonce; false when it was already seen within the window (a replay). */
  claim(key: string, ttlSeconds: number): Promise<boolean>;
}

export class MemoryNonceStore implements NonceStore {
  private readonly seen = new Map<string, number>();
  private lastSweep = 0;

  async claim(key: string, ttlSeconds: number) {
    const now = Date.now();
    if (now - this.lastSweep > 30_000) {
      this.lastSweep = now;
      for (const [k, expiry] of this.seen) if (expiry <= now) this.seen.delete(k);
    }
    const expiry = this.seen.get(key);
    if (expiry !== undefined && expiry > now) return false;
    this.seen.set(key, now + ttlSeconds * 1000);
    return true;
  }
}

export class RedisNonceStore implements NonceStore {
  constructor(private readonly url: string) {}

  async claim(key: string, ttlSeconds: number) {
    // SET NX is atomic across every instance: exactly one of two parallel replays wins.
    return (await sharedRedis(this.url).set(key, "1", "EX", ttlSeconds, "NX")) === "OK";
  }
}

export class PostgresNonceStore implements NonceStore {
  private claims = 0;

  async claim(key: string, ttlSeconds: number) {
    // One statement: inserted, or taken over from an expired row; a live row makes it a replay. The primary
    // key decides between parallel replays on any number of instances.
    const { rowCount } = await pool().query(
      `INSERT INTO request_nonces (key, expires_at) VALUES ($1, now() + make_interval(secs => $2))
       ON CONFLICT (key) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE request_nonces.expires_at <= now()`,
      [key, ttlSeconds],
    );
    if (++this.claims % 1000 === 0)
      await pool()
        .query("DELETE FROM request_nonces WHERE expires_at < now()")
        .catch(() => undefined);
    return rowCount === 1;
  }
}

let store: NonceStore | undefined;

/**
 * Redis when configured (several instances); else PostgreSQL in production, so a restart does not reopen
 * the replay window; in memory only for development and tests.
 */
export async function claimNonce(keyid: string, nonce: string): Promise<boolean> {
  if (!store) {
    const { REDIS_URL, NODE_ENV } = env();
    store = REDIS_URL
      ? new RedisNonceStore(REDIS_URL)
      : NODE_ENV === "production"
        ? new PostgresNonceStore()
        : new MemoryNonceStore();
  }
  return store.claim(`stopsms:nonce:${keyid}:${nonce}`, NONCE_WINDOW_SECONDS);
}
