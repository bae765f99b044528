import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("Footer");
  return (
    <footer className="mx-auto mt-10 max-w-2xl border-t border-slate-200 px-4 py-6 text-sm text-slate-700">
      <p>{t("operator")}</p>
    </footer>
  );
}
