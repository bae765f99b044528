import "server-only";
import type { ReactNode } from "react";
import { LIGHT_CSS } from "@/lib/generated/light-css";
import type { Locale } from "@/lib/i18n/locales";
import { citizenPage } from "@/lib/web/html/citizen-document";
import {
  answerToResponse,
  documentHeaders,
  renderDocument,
  type DocumentAnswer,
} from "@/lib/web/html/document-response";
import { formTokenInput, intoPostForms, withFormTokens } from "@/lib/web/form-token";
import { escapeHtml, slot, TOKEN_SLOT, toSlotTemplate } from "@/lib/web/html/slot-template";
import { staticMarkup } from "@/lib/web/html/static-markup";

// The short-link landing page is the most visited page and is opened on cheap phones over slow networks:
// one small HTML document, its stylesheet inline, no JavaScript at all — the frame of every citizen page and
// a body of React components (light-ui.tsx), both rendered by React. The pages of a refused or held request
// use it too.

/** A body already rendered: its HTML given the form token input each of its post forms must carry. */
export type PrerenderedBody = (tokenInput: string) => string;

export interface LightPage {
  locale: Locale;
  title: string;
  currentPath: string;
  /** React elements (rendered here), or a body rendered beforehand (the landing page's, landing-page.tsx). */
  body: ReactNode | PrerenderedBody;
}

// The frame is every citizen page's own (citizen-document.tsx: the header with its skip link and language
// buttons, the footer), rendered by React once per language with slots (slot-template.ts) where the title, the current path,
// the body and the form token (the language buttons are a post form) go, and kept as UTF-8 bytes: a page is
// then its few dynamic strings encoded between the frame's pieces. Encoding the whole 10 KB document on
// every request was a fifth of the landing page's cost (profiled).
const TITLE = "TITLE";
const PATH = "PATH";
const BODY = "BODY";
type Slot = typeof TITLE | typeof PATH | typeof BODY | typeof TOKEN_SLOT;
interface Frame {
  /** The frame's bytes between the slots (pieces.length === slots.length + 1). */
  pieces: Buffer[];
  slots: Slot[];
}
const frames = new Map<Locale, Frame>();

function frameFor(locale: Locale): Frame {
  let frame = frames.get(locale);
  if (frame) return frame;
  const page = citizenPage({
    locale,
    title: slot(TITLE),
    path: slot(PATH),
    noIndex: true,
    stylesheet: LIGHT_CSS,
    body: slot(BODY),
  });
  const { pieces, slots } = toSlotTemplate(withFormTokens(renderDocument(page), slot(TOKEN_SLOT)));
  // One title, one path (the language buttons' return address), one body: anything else is a frame change
  // this renderer would answer wrongly.
  for (const name of [TITLE, PATH, BODY])
    if (slots.filter((s) => s === name).length !== 1) throw new Error(`the light frame has no single ${name}`);
  frame = { pieces: pieces.map((text) => Buffer.from(text)), slots: slots as Slot[] };
  frames.set(locale, frame);
  return frame;
}

/** The page as UTF-8 bytes, with one fresh form token in every post form (one per page: the page is one client). */
export function renderLightPage(page: LightPage): Buffer<ArrayBuffer> {
  const { pieces, slots } = frameFor(page.locale);
  const input = formTokenInput();
  const values: Record<Slot, string> = {
    [TITLE]: escapeHtml(page.title),
    [PATH]: escapeHtml(page.currentPath),
    [BODY]: typeof page.body === "function" ? page.body(input) : intoPostForms(staticMarkup(page.body), input),
    [TOKEN_SLOT]: input,
  };
  let length = 0;
  for (const piece of pieces) length += piece.length;
  for (const name of slots) length += Buffer.byteLength(values[name]);
  const bytes = Buffer.allocUnsafe(length);
  let at = pieces[0]!.copy(bytes, 0);
  slots.forEach((name, i) => {
    at += bytes.write(values[name], at);
    at += pieces[i + 1]!.copy(bytes, at);
  });
  return bytes;
}

// Most light answers add no header of their own: theirs are built once.
let plainHeaders: Record<string, string> | undefined;

export function renderLightPageAnswer(
  page: LightPage,
  init: { status?: number; headers?: Record<string, string> } = {},
): DocumentAnswer {
  const headers = init.headers
    ? documentHeaders({ "X-Robots-Tag": "noindex", ...init.headers })
    : (plainHeaders ??= documentHeaders({ "X-Robots-Tag": "noindex" }));
  return { status: init.status ?? 200, headers, body: renderLightPage(page) };
}

export function lightPageResponse(
  page: LightPage,
  init: { status?: number; headers?: Record<string, string> } = {},
): Response {
  return answerToResponse(renderLightPageAnswer(page, init));
}
