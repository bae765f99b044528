import { SiteFooter } from "@/lib/web/html/site-footer";
import { SiteHeader } from "@/lib/web/html/site-header";
import type { Locale } from "@/lib/i18n/locales";

/** Header, main landmark and footer of every citizen page. */
export function CitizenFrame({
  locale,
  path,
  wide,
  children,
}: {
  locale: Locale;
  path: string;
  wide?: boolean;
  children: React.ReactNode;
}) {
  return (
    <>
      <SiteHeader locale={locale} currentPath={path} />
      {/* Wide: reference pages (code and tables) use the width a desk screen has. */}
      <main id="main" className={`mx-auto ${wide ? "max-w-6xl" : "max-w-2xl"} px-4 py-6`}>
        {children}
      </main>
      <SiteFooter locale={locale} />
    </>
  );
}
