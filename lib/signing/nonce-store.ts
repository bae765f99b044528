import "server-only";
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

let store: NonceStore | undefined;

export async function claimNonce(keyid: string, nonce: string): Promise<boolean> {
  if (!store) {
    const url = env().REDIS_URL;
    store = url ? new RedisNonceStore(url) : new MemoryNonceStore();
  }
  return store.claim(`stopsms:nonce:${keyid}:${nonce}`, NONCE_WINDOW_SECONDS);
}
