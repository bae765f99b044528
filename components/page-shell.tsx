import { getLocale } from "next-intl/server";
import { CitizenFrame } from "@/lib/web/html/citizen-frame";
import type { Locale } from "@/lib/i18n/locales";

/** The citizen frame for the pages Next renders itself (statistics, developers, verify, 404). */
export async function PageShell({ path, wide, children }: { path: string; wide?: boolean; children: React.ReactNode }) {
  const locale = (await getLocale()) as Locale;
  return (
    <CitizenFrame locale={locale} path={path} wide={wide}>
      {children}
    </CitizenFrame>
  );
}
