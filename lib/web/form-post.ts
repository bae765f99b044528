import "server-only";
import { clientIp } from "@/lib/web/client-ip";
import { requestLocale } from "@/lib/web/citizen-request";
import { setFlash } from "@/lib/web/form-flash";
import { crossSiteRefusal, formRefusedResponse, guardCitizenPost } from "@/lib/web/guard-citizen-post";
import { FORM_TOKEN_FIELD, readFormToken } from "@/lib/web/form-token";
import { formPageOf } from "@/lib/web/form-page";
import { readForm } from "@/lib/web/read-form";
import { isSameOriginPost } from "@/lib/web/same-origin";
import type { Locale } from "@/lib/i18n/locales";

// Every citizen form handler reads the same way: guard → read → one lib call → redirect.
//   const post = await readFormPost(request);
//   if (post instanceof Response) return post;
//   const result = await libFunction(post.values);
//   return seeOther(…);
// A field is a string (missing: ""; repeated: the first), cut at a length no honest form reaches. The body is
// read bounded (lib/web/read-form.ts): too large, not a form, or a control character → a page saying so.

export interface FormPost {
  locale: Locale;
  address: string;
  /** The client's form token id (form-token.ts), or null: per-client limits behind a shared address. */
  client: string | null;
  /** Every text field of the form, as strings. */
  values: Record<string, string>;
  field(name: string): string;
}

const MAX_FIELD = 10_000;

/**
 * The guard (same origin, the route table's per-address limit; the refusal is returned as it is), then the
 * form read into strings.
 * A plain Web Request, not Next's: the production server answers `/stop/submit` before Next's router.
 */
export async function readFormPost(request: Request, maxField = MAX_FIELD): Promise<FormPost | Response> {
  const locale = requestLocale(request);
  if (!isSameOriginPost(request.headers)) return crossSiteRefusal(locale);
  const form = await readForm(request);
  if (!form.ok) return formRefusedResponse(locale, form.status, formPageOf(new URL(request.url).pathname));
  const client = readFormToken(form.values[FORM_TOKEN_FIELD]);
  const refused = await guardCitizenPost(request, locale, client);
  if (refused) return keepWhatWasTyped(refused, new URL(request.url).pathname, form.values);
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(form.values)) values[name] = value.slice(0, maxField);
  return { locale, address: clientIp(request.headers), client, values, field: (name) => values[name] ?? "" };
}

// A refused post (too many) keeps what the citizen typed: the form's page shows it again once they return.
const KEEP: Record<string, (values: Record<string, string>) => { form: string; data: unknown }> = {
  "/stop": (v) => ({ form: "stop", data: { values: { phone: v.phone, scope: v.scope, sender: v.sender } } }),
  "/report": (v) => ({
    form: "report",
    data: { values: { ...v, messageText: (v.messageText ?? "").slice(0, 2000), ft: undefined } },
  }),
  "/number": (v) => ({ form: "number", data: { step: "phone", phone: (v.phone ?? "").slice(0, 64) } }),
};

function keepWhatWasTyped(refusal: Response, path: string, values: Record<string, string>): Response {
  const keep = refusal.status === 429 ? KEEP[formPageOf(path)] : undefined;
  if (keep) {
    const { form, data } = keep(values);
    setFlash(refusal, form, data);
  }
  return refusal;
}

/**
 * The 303 answer of a form post (PRG), with the flash the next page reads when given. A plain Response
 * (cookies: lib/web/set-cookie.ts), so that it can be sent without Next (scripts/serve.ts).
 */
export function seeOther(location: string, flash?: { form: string; data: unknown }): Response {
  const response = new Response(null, { status: 303, headers: { Location: location } });
  if (flash) setFlash(response, flash.form, flash.data);
  return response;
}
