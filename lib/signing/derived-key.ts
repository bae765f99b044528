import "server-only";
import { createHash, hkdfSync } from "node:crypto";
import { platformKey } from "./platform-key";

const cache = new Map<string, Buffer>();

/**
 * A 32-byte MAC key for one purpose (`info`), derived from the platform signing key: no new secret to
 * configure, and each key is as well kept as the one that signs the feed. Rotating the platform key
 * invalidates what was MACed with the old one: SMS codes (10 min), number sessions (30 min), snapshot
 * cursors (a provider restarts its snapshot) — all short-lived by design.
 */
export function derivedKey(info: string): Buffer {
  let key = cache.get(info);
  if (!key) {
    const secret = createHash("sha256")
      .update(platformKey().privateKey.export({ type: "pkcs8", format: "der" }))
      .digest();
    key = Buffer.from(hkdfSync("sha256", secret, "stopsms-derived-keys", info, 32));
    cache.set(info, key);
  }
  return key;
}
