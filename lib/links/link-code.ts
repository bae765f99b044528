import { randomInt } from "node:crypto";

// docs/protocol.md: 8 characters of this 57-symbol alphabet (no 0/O, 1/l/I), ~1.1·10^14 codes.
export const LINK_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
export const LINK_CODE_LENGTH = 8;
const CODE_PATTERN = new RegExp(`^[${LINK_ALPHABET}]{${LINK_CODE_LENGTH}}$`);

export function generateLinkCode(): string {
  let code = "";
  for (let i = 0; i < LINK_CODE_LENGTH; i++) code += LINK_ALPHABET[randomInt(LINK_ALPHABET.length)];
  return code;
}

export function isLinkCode(value: string): boolean {
  return CODE_PATTERN.test(value);
}
