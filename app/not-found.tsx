import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { NotFoundBody } from "@/components/citizen/not-found-body";
import { PageShell } from "@/components/page-shell";
import type { Locale } from "@/lib/i18n/locales";

// Its own title in the reader's language (WCAG 2.4.2), not the home page's.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Common");
  return { title: t("notFoundTitle") };
}

export default async function NotFound() {
  const locale = (await getLocale()) as Locale;
  return (
    <PageShell path="/">
      <NotFoundBody locale={locale} />
    </PageShell>
  );
}
