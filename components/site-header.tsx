import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/language-switcher";

export async function SiteHeader({ currentPath }: { currentPath: string }) {
  const t = await getTranslations("Nav");
  const locale = await getLocale();
  return (
    <header className="border-b border-slate-200 bg-brand-50">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
        {t("skip")}
      </a>
      <div className="mx-auto flex max-w-2xl flex-wrap items-center justify-between gap-2 px-4 py-3">
        <Link href="/" className="text-lg font-bold text-brand-800">
          StopSMS
        </Link>
        <LanguageSwitcher current={locale} returnTo={currentPath} label={t("language")} />
      </div>
    </header>
  );
}
