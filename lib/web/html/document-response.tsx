import "server-only";
import type { ReactNode } from "react";
import { staticMarkup } from "@/lib/web/html/static-markup";
import { withFormTokens } from "@/lib/web/form-token";
import { selfRenderedPageHeaders } from "@/lib/web/security-headers";

// The answer of every page rendered without Next's page runtime (the light citizen pages, the staff 403):
// a React document (lib/web/html/citizen-document.tsx, components/staff/forbidden-document.tsx) as one HTML
// string, never hydrated.

/** No script may run on these pages; forms post to our own origin only. */
export const CITIZEN_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; manifest-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

type Init = { status?: number; headers?: Record<string, string> };

/** A whole document (`<html>…</html>`) as HTML text. */
export function renderDocument(document: ReactNode): string {
  return `<!DOCTYPE html>${staticMarkup(document)}`;
}

/** A document as an HTTP answer: never stored by shared caches (forms carry the citizen's own input back). */
export function documentResponse(document: ReactNode, init: Init = {}): Response {
  return lightDocumentResponse(renderDocument(document), init);
}

/** Any document of the light renderer as an answer: no script may run, no shared cache keeps it. */
export function lightDocumentResponse(html: string, init: Init = {}): Response {
  return new Response(withFormTokens(html), {
    status: init.status ?? 200,
    headers: selfRenderedPageHeaders(CITIZEN_PAGE_CSP, init.headers),
  });
}
