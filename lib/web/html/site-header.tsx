import { LanguageSwitcher } from "@/lib/web/html/language-switcher";
import type { Locale } from "@/lib/i18n/locales";
import { translatorIn } from "@/lib/i18n/translator";

// Plain links and forms, no hooks: rendered by Next's pages and by the light renderer alike.
export function SiteHeader({ locale, currentPath }: { locale: Locale; currentPath: string }) {
  const t = translatorIn(locale, "Nav");
  return (
    <header className="border-b border-slate-200 bg-brand-50 print:hidden">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
        {t("skip")}
      </a>
      <div className="mx-auto flex max-w-2xl flex-wrap items-center justify-between gap-2 px-4 py-3">
        <a href="/" className="text-lg font-bold text-brand-800">
          StopSMS
        </a>
        <LanguageSwitcher current={locale} returnTo={currentPath} label={t("language")} />
      </div>
    </header>
  );
}
