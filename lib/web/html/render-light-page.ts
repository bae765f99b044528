import "server-only";
import { LIGHT_CSS } from "@/lib/generated/light-css";
import type { Locale } from "@/lib/i18n/locales";
import { citizenPage } from "@/lib/web/html/citizen-document";
import {
  answerToResponse,
  documentAnswer,
  renderDocument,
  type DocumentAnswer,
} from "@/lib/web/html/document-response";

// The short-link landing page is the most visited page and is opened on cheap phones over slow networks:
// one small HTML document, its stylesheet inline, no JavaScript at all — the frame of every citizen page,
// its body HTML text (light-classes.ts says why). The pages of a refused or held request use it too.

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

const SPECIAL = /[&<>"']/;

export function escapeHtml(text: string): string {
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => entities[c]!) : text;
}

/** Tagged template whose interpolations are escaped unless wrapped with raw(). */
export class RawHtml {
  constructor(readonly value: string) {}
}
export const raw = (value: string) => new RawHtml(value);

export function html(strings: TemplateStringsArray, ...values: unknown[]): RawHtml {
  let out = strings[0]!;
  values.forEach((value, i) => {
    const text = Array.isArray(value)
      ? value.map((v) => (v instanceof RawHtml ? v.value : escapeHtml(String(v)))).join("")
      : value instanceof RawHtml
        ? value.value
        : escapeHtml(String(value ?? ""));
    out += text + strings[i + 1]!;
  });
  return new RawHtml(out);
}

export interface LightPage {
  locale: Locale;
  title: string;
  currentPath: string;
  body: RawHtml;
}

// The frame is every citizen page's own (citizen-document.tsx: the header with its skip link and language
// buttons, the footer), rendered by React once per language with markers where the title, the current path
// and the body go; a page is then a handful of string concatenations.
const TITLE = "STOPSMSLIGHTTITLE";
const PATH = "STOPSMSLIGHTPATH";
const BODY = "STOPSMSLIGHTBODY";
const frames = new Map<Locale, string[]>();

function frameFor(locale: Locale): string[] {
  let frame = frames.get(locale);
  if (frame) return frame;
  const document = renderDocument(
    citizenPage({ locale, title: TITLE, path: PATH, noIndex: true, stylesheet: LIGHT_CSS, body: BODY }),
  );
  frame = document.split(new RegExp(`${TITLE}|${PATH}|${BODY}`));
  // One title, one path (the language buttons' return address), one body: anything else is a frame change
  // this renderer would answer wrongly.
  if (frame.length !== 4) throw new Error(`the light frame has ${frame.length - 1} markers, not 3`);
  frames.set(locale, frame);
  return frame;
}

export function renderLightPage(page: LightPage): string {
  const [beforeTitle, beforePath, beforeBody, end] = frameFor(page.locale);
  return `${beforeTitle}${escapeHtml(page.title)}${beforePath}${escapeHtml(page.currentPath)}${beforeBody}${page.body.value}${end}`;
}

export function renderLightPageAnswer(
  page: LightPage,
  init: { status?: number; headers?: Record<string, string> } = {},
): DocumentAnswer {
  return documentAnswer(renderLightPage(page), {
    status: init.status,
    headers: { "X-Robots-Tag": "noindex", ...init.headers },
  });
}

export function lightPageResponse(
  page: LightPage,
  init: { status?: number; headers?: Record<string, string> } = {},
): Response {
  return answerToResponse(renderLightPageAnswer(page, init));
}
