import { createHash, timingSafeEqual } from "node:crypto";
import { parseDictionary } from "structured-headers";

/** RFC 9530 Content-Digest with sha-256: `sha-256=:<base64>:`. */
export function contentDigest(body: Uint8Array): string {
  return `sha-256=:${createHash("sha256").update(body).digest("base64")}:`;
}

/**
 * True when the Content-Digest header carries a sha-256 member equal to the body's digest. Compared in
 * constant time: the digest is what the signature vouches for, never compare it with ===.
 */
export function digestMatches(header: string | null, body: Uint8Array): boolean {
  return digestHeaderEquals(header, createHash("sha256").update(body).digest());
}

/** The same check against a SHA-256 computed elsewhere (a file hashed as it streamed to disk). */
export function digestHeaderEquals(header: string | null, actual: Buffer): boolean {
  if (!header) return false;
  let dictionary;
  try {
    dictionary = parseDictionary(header);
  } catch {
    return false;
  }
  const member = dictionary.get("sha-256");
  if (!member || !(member[0] instanceof ArrayBuffer)) return false;
  const claimed = Buffer.from(member[0]);
  return claimed.length === actual.length && timingSafeEqual(claimed, actual);
}
