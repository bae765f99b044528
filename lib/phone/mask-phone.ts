import { parsePhoneNumberFromString } from "libphonenumber-js/max";

// Moroccan mobiles, nearly every number the landing page shows: libphonenumber formats them "+212 6 12 34 56
// 78", so their mask is known without it (parsing and formatting were ~3 % of the landing page's time).
const MOROCCAN_MOBILE = /^\+212([67])\d{6}(\d\d)$/;

/**
 * `+212612345678` → `+212 6 •• •• •• 78`: enough for the citizen to recognise their number, not enough
 * for a shoulder-surfer or a screenshot to reveal it. Keeps the first national digit and the last two.
 */
export function maskPhone(e164: string): string {
  const mobile = MOROCCAN_MOBILE.exec(e164);
  return mobile ? `+212 ${mobile[1]} •• •• •• ${mobile[2]}` : maskFormatted(e164);
}

/** The mask of any number, on libphonenumber's international format (mask-phone.test.ts compares both paths). */
export function maskFormatted(e164: string): string {
  const phone = parsePhoneNumberFromString(e164);
  if (!phone) return "•".repeat(Math.max(0, e164.length - 2)) + e164.slice(-2);
  const countryPart = `+${phone.countryCallingCode}`;
  const national = phone.formatInternational().slice(countryPart.length).trim();
  const totalDigits = national.replace(/\D/g, "").length;
  let seen = 0;
  const masked = national.replace(/\d/g, (digit) => {
    seen += 1;
    return seen === 1 || seen > totalDigits - 2 ? digit : "•";
  });
  return `${countryPart} ${masked}`;
}
