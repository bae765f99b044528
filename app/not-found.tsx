import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageShell } from "@/components/page-shell";

export default async function NotFound() {
  const t = await getTranslations();
  return (
    <PageShell path="/">
      <h1 className="text-2xl font-bold text-brand-800">{t("Common.notFoundTitle")}</h1>
      <p className="mt-4">{t("Common.notFoundBody")}</p>
      <Link href="/" className="mt-6 inline-block rounded-lg bg-brand-700 px-4 py-3 font-semibold text-white">
        {t("Nav.backHome")}
      </Link>
    </PageShell>
  );
}
