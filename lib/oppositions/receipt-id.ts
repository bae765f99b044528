import { randomInt } from "node:crypto";

// No 0/O, 1/I/L, U: easy to read aloud over the phone and to type back.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

/** `R-7F3KQ-92QDX`: 10 random characters (~5·10^14 values), unguessable enough to be a lookup key. */
export function generateReceiptId(): string {
  const pick = () => ALPHABET[randomInt(ALPHABET.length)];
  const part = () => Array.from({ length: 5 }, pick).join("");
  return `R-${part()}-${part()}`;
}

export function isReceiptId(value: string): boolean {
  return /^R-[2-9A-HJKMNP-TV-Z]{5}-[2-9A-HJKMNP-TV-Z]{5}$/.test(value);
}
