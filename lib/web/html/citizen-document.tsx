import type { ReactNode } from "react";
import { CitizenFrame } from "@/lib/web/html/citizen-frame";
import { CITIZEN_CSS } from "@/lib/generated/citizen-css";
import { directionOf, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";

// The whole document of a citizen page rendered outside Next's page runtime (home, /stop, /report, /legal,
// /receipt, /verify, /number by lib/web/html/document-response.tsx; the landing page's frame by
// render-light-page.ts), never hydrated. They work without JavaScript, so they ship none: no client bundle,
// no RSC payload, one inline stylesheet of the classes they use — a few kilobytes on a slow phone, where
// Next's page runtime weighed ~158 KB.

export interface CitizenPage {
  locale: Locale;
  /** The page's own name; the document title adds " · StopSMS" unless `absoluteTitle`. */
  title: string;
  absoluteTitle?: boolean;
  path: string;
  wide?: boolean;
  noIndex?: boolean;
  /** The light pages' smaller sheet (render-light-page.ts); every other page: CITIZEN_CSS. */
  stylesheet?: string;
  body: ReactNode;
}

export function CitizenDocument({ page }: { page: CitizenPage }) {
  const t = translatorFor(page.locale);
  return (
    <html lang={page.locale} dir={directionOf(page.locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0b5d3b" />
        <title>{page.absoluteTitle ? page.title : `${page.title} · StopSMS`}</title>
        <meta name="description" content={t("Meta.description")} />
        {page.noIndex && <meta name="robots" content="noindex" />}
        <link rel="icon" href="/icon.svg" type="image/svg+xml" />
        <link rel="manifest" href="/manifest.webmanifest" />
        <style dangerouslySetInnerHTML={{ __html: page.stylesheet ?? CITIZEN_CSS }} />
      </head>
      <body className="min-h-screen bg-white font-sans text-slate-900 antialiased">
        <CitizenFrame locale={page.locale} path={page.path} wide={page.wide}>
          {page.body}
        </CitizenFrame>
      </body>
    </html>
  );
}

/** The page's document, for lib/web/html/document-response.tsx to answer with. */
export const citizenPage = (page: CitizenPage) => <CitizenDocument page={page} />;
