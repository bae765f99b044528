import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { derivedKey } from "@/lib/signing/derived-key";

/** Only a keyed hash of a code is stored: a database dump does not give 6-digit codes away. */
export function hashCode(phone: string, code: string): Buffer {
  return createHmac("sha256", derivedKey("sms-code")).update(`${phone}\n${code}`).digest();
}

/** Constant time: the comparison must not tell how many leading bytes of a guess were right. */
export function codeMatches(stored: Uint8Array, phone: string, code: string): boolean {
  const candidate = hashCode(phone, code);
  return stored.length === candidate.length && timingSafeEqual(Buffer.from(stored), candidate);
}
