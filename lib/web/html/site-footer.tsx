import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";

export function SiteFooter({ locale }: { locale: Locale }) {
  const t = translatorFor(locale);
  return (
    <footer className="mx-auto mt-10 max-w-2xl border-t border-slate-200 px-4 py-6 text-sm text-slate-700">
      <p>{t("Footer.operator")}</p>
      <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 print:hidden">
        <a href="/legal" className="text-brand-800 underline">
          {t("Nav.legal")}
        </a>
        <a href="/statistics" className="text-brand-800 underline">
          {t("Nav.statistics")}
        </a>
      </p>
    </footer>
  );
}
