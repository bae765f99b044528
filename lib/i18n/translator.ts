// use-intl/core: the React-free half of next-intl, so the production server can render it outside Next.
import { createTranslator, type NamespaceKeys, type NestedKeyOf } from "use-intl/core";
import ar from "./messages/ar.json";
import en from "./messages/en.json";
import fr from "./messages/fr.json";
import { localeCookie, type Locale } from "./locales";
import { TIME_ZONE } from "@/lib/time-zone";

// For pages rendered outside React (the short-link landing page): the same messages as next-intl pages.
const catalogs = { fr, ar, en } as const;

export type Messages = typeof fr;

function createFor(locale: Locale) {
  return createTranslator({ locale, messages: catalogs[locale] as Messages });
}

// One translator per locale for the process: it keeps every parsed message format, which the landing page
// would otherwise parse again on each request.
const translators = new Map<Locale, ReturnType<typeof createFor>>();

export function translatorFor(locale: Locale) {
  let translator = translators.get(locale);
  if (!translator) translators.set(locale, (translator = createFor(locale)));
  return translator;
}

export type Namespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;

const namespaced = new Map<string, unknown>();

/** The translator of one part of the messages ("Stop", "Number"…), as next-intl's getTranslations(namespace). */
export function translatorIn<N extends Namespace>(locale: Locale, namespace: N) {
  const key = `${locale}:${namespace}`;
  let translator = namespaced.get(key) as ReturnType<typeof createTranslator<Messages, N>> | undefined;
  if (!translator) {
    translator = createTranslator<Messages, N>({ locale, messages: catalogs[locale] as Messages, namespace });
    namespaced.set(key, translator);
  }
  return translator;
}

export { localeCookie };

const dateLocales: Record<Locale, string> = { fr: "fr-MA", ar: "ar-MA", en: "en-GB" };

// Building an Intl.DateTimeFormat costs far more than formatting with one: one per locale and style.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Dates as Moroccan citizens read them, in Moroccan time. */
export function formatDateTime(locale: Locale, date: Date, withTime = true): string {
  const key = `${locale}:${withTime}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(dateLocales[locale], {
      dateStyle: "long",
      ...(withTime ? { timeStyle: "short" } : {}),
      timeZone: TIME_ZONE,
    });
    dateFormats.set(key, format);
  }
  return format.format(date);
}

/**
 * A day of the open statistics (YYYY-MM-DD, already Moroccan) as "24 nov. 2026". Arabic has no short month
 * names: ar-MA's "medium" is "24/11/2026", unlike every date in its sentences ("24 نونبر 2026").
 */
export function formatDay(locale: Locale, isoDay: string): string {
  const key = `${locale}:day`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(dateLocales[locale], {
      dateStyle: locale === "ar" ? "long" : "medium",
      timeZone: "UTC",
    });
    dateFormats.set(key, format);
  }
  return format.format(new Date(`${isoDay}T12:00:00Z`));
}

// The light pages (the landing page above all) format the same few sentences — per language, sender name
// and legal deadline — thousands of times; formatting one costs ~6 µs, a tenth of the page. Bounded:
// forgotten all at once past 10 000 sentences. Never for sentences carrying a date or a receipt id.
// Looked up by the key itself (a literal: its hash is kept), then by the parameters' values: building one
// long id string per sentence was, after the form token's MAC, the landing page's largest cost (profiled).
type Remembered = Map<string, string | Map<string, string>>;
const sentences: Record<Locale, Remembered> = { fr: new Map(), ar: new Map(), en: new Map() };
let remembered = 0;

/** `translatorFor(locale)(key, params)`, remembered for parameters that repeat across requests. */
export function stableSentence(
  locale: Locale,
  key: Parameters<ReturnType<typeof createFor>>[0],
  params?: Record<string, string | number>,
): string {
  const byKey = sentences[locale];
  const known = byKey.get(key);
  if (!params) {
    if (typeof known === "string") return known;
    return remember(byKey, key, translatorFor(locale)(key));
  }
  const values = Object.values(params);
  const id = values.length === 1 ? String(values[0]) : values.join("\u0000");
  const byParams = known instanceof Map ? known : new Map<string, string>();
  const sentence = byParams.get(id);
  if (sentence !== undefined) return sentence;
  if (byParams !== known) byKey.set(key, byParams);
  return remember(byParams, id, translatorFor(locale)(key, params));
}

function remember(map: Map<string, unknown>, id: string, sentence: string): string {
  if (++remembered > 10_000) {
    for (const byKey of Object.values(sentences)) byKey.clear();
    remembered = 1;
  }
  map.set(id, sentence);
  return sentence;
}
