import { getLocale } from "next-intl/server";
import { NotFoundBody } from "@/components/citizen/not-found-body";
import { PageShell } from "@/components/page-shell";
import type { Locale } from "@/lib/i18n/locales";

export default async function NotFound() {
  const locale = (await getLocale()) as Locale;
  return (
    <PageShell path="/">
      <NotFoundBody locale={locale} />
    </PageShell>
  );
}
