import "server-only";
import { withFormTokens } from "@/lib/http/form-token";
import type { ReactNode } from "react";
import { CitizenFrame } from "@/components/citizen-frame";
import { CITIZEN_CSS } from "@/lib/generated/citizen-css";
import { staticMarkup } from "@/lib/html/static-markup";
import { commonSecurityHeaders } from "@/lib/http/security-headers";
import { directionOf, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";

// The light renderer of the citizen pages (home, /stop, /report, /legal, /receipt, /verify, /number): React
// components rendered to one HTML document on the server and never hydrated. They work without JavaScript,
// so they ship none: no client bundle, no RSC payload, one inline stylesheet of the classes they use — a
// few kilobytes on a slow phone, where Next's page runtime weighed ~158 KB.

/** No script may run on these pages; forms post to our own origin only. */
export const CITIZEN_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; manifest-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export interface CitizenPage {
  locale: Locale;
  /** The page's own name; the document title adds " · StopSMS" unless `absoluteTitle`. */
  title: string;
  absoluteTitle?: boolean;
  path: string;
  wide?: boolean;
  noIndex?: boolean;
  body: ReactNode;
}

function CitizenDocument({ page }: { page: CitizenPage }) {
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
        <style dangerouslySetInnerHTML={{ __html: CITIZEN_CSS }} />
      </head>
      <body className="min-h-screen bg-white font-sans text-slate-900 antialiased">
        <CitizenFrame locale={page.locale} path={page.path} wide={page.wide}>
          {page.body}
        </CitizenFrame>
      </body>
    </html>
  );
}

export function renderCitizenDocument(page: CitizenPage): string {
  return `<!DOCTYPE html>${staticMarkup(<CitizenDocument page={page} />)}`;
}

/** The page as an HTTP answer: never stored by shared caches (forms carry the citizen's own input back). */
export function citizenPageResponse(
  page: CitizenPage,
  init: { status?: number; headers?: Record<string, string> } = {},
): Response {
  return lightDocumentResponse(renderCitizenDocument(page), init);
}

/** Any document of the light renderer as an answer: no script may run, no shared cache keeps it. */
export function lightDocumentResponse(
  html: string,
  init: { status?: number; headers?: Record<string, string> } = {},
): Response {
  return new Response(withFormTokens(html), {
    status: init.status ?? 200,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "private, no-store",
      ...commonSecurityHeaders(process.env.NODE_ENV === "production"),
      "Content-Security-Policy": CITIZEN_PAGE_CSP,
      ...init.headers,
    },
  });
}
