import { parsePhoneNumberFromString } from "libphonenumber-js/max";

/** `+212612000101` → `+212 6 12 00 01 01`: a number as people read it (the stored form is E.164). */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
