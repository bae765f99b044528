import "server-only";
import { clientIp } from "@/lib/http/client-ip";
import { requestLocale } from "@/lib/http/citizen-request";
import { setFlash } from "@/lib/http/form-flash";
import { formRefusedResponse, guardCitizenPost } from "@/lib/http/guard-citizen-post";
import { readForm } from "@/lib/http/read-form";
import type { Locale } from "@/lib/i18n/locales";
import type { RateLimitRule } from "@/lib/rate-limit/check-rate-limit";

// Every citizen form handler reads the same way: guard → read → one lib call → redirect.
//   const post = await readFormPost(request, [{ rule, bucket }]);
//   if (post instanceof Response) return post;
//   const result = await libFunction(post.values);
//   return seeOther(…);
// A field is a string (missing: ""; repeated: the first), cut at a length no honest form reaches. The body is
// read bounded (lib/http/read-form.ts): too large, not a form, or a control character → a page saying so.

export interface FormPost {
  locale: Locale;
  address: string;
  /** Every text field of the form, as strings. */
  values: Record<string, string>;
  field(name: string): string;
}

const MAX_FIELD = 10_000;

/**
 * The guard (same origin, rate limits; the refusal is returned as it is), then the form read into strings.
 * A plain Web Request, not Next's: the production server answers `/stop/submit` before Next's router.
 */
export async function readFormPost(
  request: Request,
  limits: { rule: RateLimitRule; bucket: string }[],
  maxField = MAX_FIELD,
): Promise<FormPost | Response> {
  const locale = requestLocale(request);
  const refused = await guardCitizenPost(request, locale, limits);
  if (refused) return refused;
  const form = await readForm(request);
  if (!form.ok) return formRefusedResponse(locale, form.status, formPageOf(new URL(request.url).pathname));
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(form.values)) values[name] = value.slice(0, maxField);
  return { locale, address: clientIp(request.headers), values, field: (name) => values[name] ?? "" };
}

/** The page a form is posted from: `/stop/submit` → `/stop`, `/number/verify` → `/number`, `/<code>` itself. */
function formPageOf(path: string): string {
  const [first = ""] = path.split("/").filter(Boolean);
  return `/${first}`;
}

/**
 * The 303 answer of a form post (PRG), with the flash the next page reads when given. A plain Response
 * (cookies: lib/http/set-cookie.ts), so that it can be sent without Next (scripts/serve.ts).
 */
export function seeOther(location: string, flash?: { form: string; data: unknown }): Response {
  const response = new Response(null, { status: 303, headers: { Location: location } });
  if (flash) setFlash(response, flash.form, flash.data);
  return response;
}
