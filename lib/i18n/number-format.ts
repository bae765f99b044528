import type { Locale } from "./locales";

// Citizen pages' numbers. French groups with a narrow no-break space ("3 200"): fr-MA's "3.200" reads as a
// decimal to a French reader. Arabic keeps Latin digits, as everywhere on StopSMS, grouped with the Arabic
// thousands separator ("1٬912"): ar-MA's "1.912" reads as a decimal too.
const NUMBER_LOCALES: Record<Locale, string> = { fr: "fr", ar: "ar-MA-u-nu-latn", en: "en" };
const ARABIC_THOUSANDS = "\u066c";

export function numberFormat(locale: Locale): Pick<Intl.NumberFormat, "format"> {
  const format = new Intl.NumberFormat(NUMBER_LOCALES[locale]);
  if (locale !== "ar") return format;
  return {
    format: (value: number | bigint) =>
      format
        .formatToParts(value)
        .map((part) => (part.type === "group" ? ARABIC_THOUSANDS : part.value))
        .join(""),
  };
}
