import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageShell } from "@/components/page-shell";
import { env } from "@/lib/env";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Meta");
  return { title: { absolute: t("title") } };
}

export default async function HomePage() {
  const t = await getTranslations("Home");
  return (
    <PageShell path="/">
      <h1 className="text-2xl font-bold leading-tight text-brand-800">{t("title")}</h1>
      <p className="mt-4 leading-relaxed">{t("intro")}</p>
      <div className="mt-6 flex flex-col gap-3">
        <Link
          href="/stop"
          className="rounded-lg bg-brand-700 px-4 py-3 text-center font-semibold text-white hover:bg-brand-800"
        >
          {t("stopCta")}
        </Link>
        <Link
          href="/report"
          className="rounded-lg border-2 border-brand-700 px-4 py-3 text-center font-semibold text-brand-800"
        >
          {t("reportCta")}
        </Link>
        <Link
          href="/number"
          className="rounded-lg border-2 border-brand-700 px-4 py-3 text-center font-semibold text-brand-800"
        >
          {t("numberCta")}
        </Link>
      </div>
      <h2 className="mt-8 text-xl font-semibold">{t("howTitle")}</h2>
      <ol className="mt-2 list-decimal space-y-1 ps-6">
        <li>{t("how1")}</li>
        <li>{t("how2")}</li>
        <li>{t("how3", { hours: env().STOPSMS_MAX_LAG_HOURS })}</li>
      </ol>
      <h2 className="mt-8 text-xl font-semibold">{t("lawTitle")}</h2>
      <p className="mt-2 leading-relaxed">{t("law")}</p>
    </PageShell>
  );
}
