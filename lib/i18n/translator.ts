import { createTranslator } from "next-intl";
import ar from "./messages/ar.json";
import en from "./messages/en.json";
import fr from "./messages/fr.json";
import { localeCookie, pickLocale, type Locale } from "./locales";

// For pages rendered outside React (the short-link landing page): the same messages as next-intl pages.
const catalogs = { fr, ar, en } as const;

export type Messages = typeof fr;

export function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: catalogs[locale] as Messages });
}

export function localeOfRequest(headers: Headers, cookieValue: string | undefined): Locale {
  return pickLocale(cookieValue, headers.get("accept-language"));
}

export { localeCookie };

const dateLocales: Record<Locale, string> = { fr: "fr-MA", ar: "ar-MA", en: "en-GB" };

/** Dates as Moroccan citizens read them, in Moroccan time. */
export function formatDateTime(locale: Locale, date: Date, withTime = true): string {
  return new Intl.DateTimeFormat(dateLocales[locale], {
    dateStyle: "long",
    ...(withTime ? { timeStyle: "short" } : {}),
    timeZone: "Africa/Casablanca",
  }).format(date);
}
