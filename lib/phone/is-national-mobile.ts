import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";

/**
 * True for a mobile number of the platform's own region (libphonenumber's type MOBILE; a number the plan
 * leaves ambiguous, FIXED_LINE_OR_MOBILE, counts as mobile). The platform sends SMS codes only to these:
 * premium-rate, foreign and fixed numbers are where SMS pumping fraud makes its money.
 */
export function isNationalMobile(e164: string, region: string): boolean {
  const phone = parsePhoneNumberFromString(e164);
  if (!phone?.isValid() || phone.country !== (region as CountryCode)) return false;
  const type = phone.getType();
  return type === "MOBILE" || type === "FIXED_LINE_OR_MOBILE";
}

/** The number's country code and first three national digits (+212 612…): where a pumping attack shows. */
export function numberPrefix(e164: string): string {
  const phone = parsePhoneNumberFromString(e164);
  return phone ? `+${phone.countryCallingCode}${phone.nationalNumber.slice(0, 3)}` : e164.slice(0, 7);
}
