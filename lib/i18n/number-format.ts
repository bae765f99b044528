import type { Locale } from "./locales";

// Citizen pages' numbers. French groups with a narrow no-break space ("3 200"): fr-MA's "3.200" reads as a
// decimal to a French reader. Arabic keeps Latin digits, as everywhere on StopSMS.
const NUMBER_LOCALES: Record<Locale, string> = { fr: "fr", ar: "ar-MA-u-nu-latn", en: "en" };

export function numberFormat(locale: Locale): Intl.NumberFormat {
  return new Intl.NumberFormat(NUMBER_LOCALES[locale]);
}
