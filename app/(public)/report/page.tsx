import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";
import { SiteFooter } from "@/components/site-footer";

export default async function ReportPage() {
  const t = await getTranslations("Nav");
  return (
    <>
      <SiteHeader currentPath="/report" />
      <main id="main" className="mx-auto max-w-2xl px-4 py-6">
        <h1 className="text-2xl font-bold text-brand-800">{t("report")}</h1>
      </main>
      <SiteFooter />
    </>
  );
}
