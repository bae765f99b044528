import "server-only";
import { createHash, hkdfSync } from "node:crypto";
import { platformKey } from "@/lib/signing/platform-key";

let cached: { codes: Buffer; sessions: Buffer } | undefined;

/**
 * Two MAC keys (code hashes, number sessions) derived from the platform signing key, so that no new secret
 * has to be configured and both are as well kept as the key that signs the feed. Rotating the platform
 * key invalidates codes (10 min) and number sessions (30 min) in flight: acceptable.
 */
export function verificationKeys(): { codes: Buffer; sessions: Buffer } {
  if (cached) return cached;
  const secret = createHash("sha256").update(platformKey().privateKey.export({ type: "pkcs8", format: "der" })).digest();
  const derive = (info: string) => Buffer.from(hkdfSync("sha256", secret, "stopsms-verification", info, 32));
  cached = { codes: derive("sms-code"), sessions: derive("number-session") };
  return cached;
}
