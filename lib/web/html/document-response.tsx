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
  return answerToResponse(documentAnswer(renderDocument(document), init));
}

/** A rendered citizen document, ready for a web Response or for Node's http response (scripts/serve.ts). */
export interface DocumentAnswer {
  status: number;
  headers: Record<string, string>;
  /** HTML text, or already UTF-8 (the light pages: their frame is kept encoded). */
  body: string | Buffer<ArrayBuffer>;
}

/** A citizen document's headers: no script may run, no shared cache keeps it. */
export function documentHeaders(extra?: Record<string, string>): Record<string, string> {
  return selfRenderedPageHeaders(CITIZEN_PAGE_CSP, extra);
}

/** Any citizen document (React-rendered or light) as an answer, its post forms carrying a form token. */
export function documentAnswer(html: string, init: Init = {}): DocumentAnswer {
  return { status: init.status ?? 200, headers: documentHeaders(init.headers), body: withFormTokens(html) };
}

export function answerToResponse(answer: DocumentAnswer): Response {
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
