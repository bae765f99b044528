import { parsePhoneNumberFromString, validatePhoneNumberLength, type CountryCode } from "libphonenumber-js/max";
import { fastParsePhone } from "./fast-parse";

export type PhoneProblem = "empty" | "not-a-number" | "too-short" | "too-long" | "invalid-country" | "invalid";

export type ParsedPhone = { ok: true; e164: string } | { ok: false; reason: PhoneProblem };

// Far longer than any real number with spacing; bounds the work done on hostile input.
const MAX_INPUT_LENGTH = 64;

/**
 * Any common way of writing a number (national `0612345678`, `+212 6 12 34 56 78`, `00212…`, Arabic-Indic
 * digits) to E.164. Validation uses the full metadata ("max"), so a number is either valid for its
 * country's numbering plan or reported invalid with a reason — never guessed.
 */
export function parsePhone(input: string, defaultRegion: string): ParsedPhone {
  // "(+212) 6…" is common on business cards; libphonenumber refuses a bracketed country code.
  const trimmed = input.replace(/[()]/g, " ").trim();
  if (trimmed === "") return { ok: false, reason: "empty" };
  if (trimmed.length > MAX_INPUT_LENGTH) return { ok: false, reason: "too-long" };
  // Washing and minting parse 100 000 numbers a call, nearly all written plainly (`+2126…`, `06…`).
  const fast = fastParsePhone(trimmed, defaultRegion);
  if (fast) return { ok: true, e164: fast };
  const region = defaultRegion as CountryCode;
  // Otherwise one parse; the length diagnosis, a second parse, only runs for input that is not valid.
  const phone = parsePhoneNumberFromString(trimmed, region);
  if (phone?.isValid()) return { ok: true, e164: phone.number };
  switch (validatePhoneNumberLength(trimmed, region)) {
    case "NOT_A_NUMBER":
      return { ok: false, reason: "not-a-number" };
    case "TOO_SHORT":
      return { ok: false, reason: "too-short" };
    case "TOO_LONG":
      return { ok: false, reason: "too-long" };
    case "INVALID_COUNTRY":
      return { ok: false, reason: "invalid-country" };
    default:
      return { ok: false, reason: phone ? "invalid" : "not-a-number" };
  }
}

/** True for a string already in the canonical E.164 form this platform stores. */
export function isE164(value: string): boolean {
  return /^\+[1-9]\d{6,14}$/.test(value);
}
