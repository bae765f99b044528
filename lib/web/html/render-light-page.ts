import { directionOf, locales, type Locale } from "@/lib/i18n/locales";
import { withFormTokens } from "@/lib/web/form-token";
import { LANDING_CSP, selfRenderedPageHeaders } from "@/lib/web/security-headers";
import { stableSentence } from "@/lib/i18n/translator";

// The short-link landing page is the most visited page and is opened on cheap phones over slow networks:
// it is rendered here as one small HTML document with inline CSS and no JavaScript at all. Sizes in rem and
// percent, never px for text: the reader's own text size (200 %) applies.

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

const CSS = `*{box-sizing:border-box}body{margin:0;overflow-wrap:break-word;font:100%/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",Arial,sans-serif;color:#0f172a;background:#fff}
a{color:#084a2f}:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
header{background:#ecf7f1;border-bottom:1px solid #e2e8f0}.bar,main,footer{max-width:42rem;margin:0 auto;padding:.75rem 1rem}
.bar{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem}.brand{font-weight:700;font-size:1.125rem;color:#084a2f;text-decoration:none}
.langs{display:flex;flex-wrap:wrap;gap:.25rem}.langs button{min-height:44px;min-width:44px;border:0;background:none;color:#084a2f;font:inherit;font-size:.875rem;cursor:pointer}
.langs button[aria-current]{font-weight:700;text-decoration:underline}
h1{overflow-wrap:anywhere;font-size:1.5rem;line-height:1.25;color:#084a2f;margin:.5rem 0 1rem}
.btn{display:block;width:100%;min-height:48px;margin:.75rem 0 0;padding:.75rem 1rem;border-radius:.5rem;font:inherit;font-weight:600;text-align:center;text-decoration:none;cursor:pointer}
.primary{background:#0b5d3b;color:#fff;border:2px solid #0b5d3b}.secondary{background:#fff;color:#084a2f;border:2px solid #0b5d3b}
.num{display:inline-block}.hint{color:#334155;font-size:.875rem;margin:.25rem 0 0}.note{background:#ecf7f1;border-inline-start:4px solid #0b5d3b;padding:.75rem 1rem;margin:1rem 0}
h2{font-size:1.125rem;color:#084a2f;margin:1.5rem 0 .5rem}.why dt{font-weight:600}.why dd{margin:0 0 .5rem}
footer{border-top:1px solid #e2e8f0;margin-top:2.5rem;font-size:.875rem;color:#334155}`;

export interface LightPage {
  locale: Locale;
  title: string;
  currentPath: string;
  body: RawHtml;
}

const languageNames: Record<Locale, string> = { fr: "Français", ar: "العربية", en: "English" };

// Everything around the title, the current path and the body depends on the language only: built once per
// language from markers, so a page is a handful of string concatenations.
const TITLE = "\u0000title\u0000";
const PATH = "\u0000path\u0000";
const BODY = "\u0000body\u0000";
const frames = new Map<Locale, string[]>();

function frameFor(locale: Locale): string[] {
  let frame = frames.get(locale);
  if (frame) return frame;
  const nav = (key: "Nav.language" | "Footer.operator" | "Nav.legal") => stableSentence(locale, key);
  const langButtons = locales.map(
    (l) =>
      html`<button
        type="submit"
        name="locale"
        value="${l}"
        lang="${l}"
        ${raw(l === locale ? ' aria-current="true"' : "")}
      >
        ${languageNames[l]}
      </button>`,
  );
  const document = html`<!DOCTYPE html>
    <html lang="${locale}" dir="${directionOf(locale)}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${raw(TITLE)} · StopSMS</title>
        <style>
          ${raw(CSS)}
        </style>
      </head>
      <body>
        <header>
          <div class="bar">
            <a class="brand" href="/">StopSMS</a>
            <form class="langs" method="post" action="/lang" aria-label="${nav("Nav.language")}">
              <input type="hidden" name="next" value="${raw(PATH)}" />${langButtons}
            </form>
          </div>
        </header>
        <main id="main">${raw(BODY)}</main>
        <footer>
          <p>${nav("Footer.operator")}</p>
          <p><a href="/legal">${nav("Nav.legal")}</a></p>
        </footer>
      </body>
    </html>`;
  frame = document.value.split(/\u0000(?:title|path|body)\u0000/);
  frames.set(locale, frame);
  return frame;
}

export function renderLightPage(page: LightPage): string {
  const [beforeTitle, beforePath, beforeBody, end] = frameFor(page.locale);
  return `${beforeTitle}${escapeHtml(page.title)}${beforePath}${escapeHtml(page.currentPath)}${beforeBody}${page.body.value}${end}`;
}

/** A rendered light page, ready for a web Response or for Node's http response (scripts/serve.ts). */
export interface LightPageAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function renderLightPageAnswer(
  page: LightPage,
  init: { status?: number; headers?: Record<string, string> } = {},
): LightPageAnswer {
  return {
    status: init.status ?? 200,
    headers: selfRenderedPageHeaders(LANDING_CSP, { "X-Robots-Tag": "noindex", ...init.headers }),
    body: withFormTokens(renderLightPage(page)),
  };
}

export function answerToResponse(answer: LightPageAnswer): Response {
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}

export function lightPageResponse(
  page: LightPage,
  init: { status?: number; headers?: Record<string, string> } = {},
): Response {
  return answerToResponse(renderLightPageAnswer(page, init));
}
