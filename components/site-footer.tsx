import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations();
  return (
    <footer className="mx-auto mt-10 max-w-2xl border-t border-slate-200 px-4 py-6 text-sm text-slate-700">
      <p>{t("Footer.operator")}</p>
      <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
        <Link href="/legal" className="text-brand-800 underline">
          {t("Nav.legal")}
        </Link>
        <Link href="/statistics" className="text-brand-800 underline">
          {t("Nav.statistics")}
        </Link>
      </p>
    </footer>
  );
}
