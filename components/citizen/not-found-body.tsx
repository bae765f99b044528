import { citizenPage } from "@/lib/web/html/citizen-document";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";

/** The general "page not found", for Next's 404 and the light pages' own (an unknown receipt). */
export function NotFoundBody({ locale }: { locale: Locale }) {
  const t = translatorFor(locale);
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-800">{t("Common.notFoundTitle")}</h1>
      <p className="mt-4">{t("Common.notFoundBody")}</p>
      <a href="/" className="mt-6 inline-block rounded-lg bg-brand-700 px-4 py-3 font-semibold text-white">
        {t("Nav.backHome")}
      </a>
    </>
  );
}

/** A light page's own 404 document (an unknown receipt or register entry). */
export function notFoundPage(locale: Locale) {
  return citizenPage({
    locale,
    title: translatorFor(locale)("Common.notFoundTitle"),
    path: "/",
    noIndex: true,
    body: <NotFoundBody locale={locale} />,
  });
}
