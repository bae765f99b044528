import type { Locale } from "@/lib/i18n/locales";
import { translatorIn } from "@/lib/i18n/translator";

/** The home page: what StopSMS does, the three things a citizen can do, and the law behind it. */
export function HomePage({ locale, maxLagHours }: { locale: Locale; maxLagHours: number }) {
  const t = translatorIn(locale, "Home");
  return (
    <>
      <h1 className="text-2xl font-bold leading-tight text-brand-800">{t("title")}</h1>
      <p className="mt-4 leading-relaxed">{t("intro")}</p>
      <p
        className="mt-4 rounded-lg border-s-4 border-amber-600 bg-amber-50 px-3 py-2 text-sm leading-relaxed"
        role="note"
      >
        {t("never")}
      </p>
      <div className="mt-6 flex flex-col gap-3">
        <a
          href="/stop"
          className="rounded-lg bg-brand-700 px-4 py-3 text-center font-semibold text-white hover:bg-brand-800"
        >
          {t("stopCta")}
        </a>
        <a
          href="/report"
          className="rounded-lg border-2 border-brand-700 px-4 py-3 text-center font-semibold text-brand-800"
        >
          {t("reportCta")}
        </a>
        <a
          href="/number"
          className="rounded-lg border-2 border-brand-700 px-4 py-3 text-center font-semibold text-brand-800"
        >
          {t("numberCta")}
        </a>
      </div>
      <h2 className="mt-8 text-xl font-semibold">{t("howTitle")}</h2>
      <ol className="mt-2 list-decimal space-y-1 ps-6">
        <li>{t("how1")}</li>
        <li>{t("how2")}</li>
        <li>{t("how3", { hours: maxLagHours })}</li>
      </ol>
      <h2 className="mt-8 text-xl font-semibold">{t("lawTitle")}</h2>
      <p className="mt-2 leading-relaxed">{t("law")}</p>
    </>
  );
}
