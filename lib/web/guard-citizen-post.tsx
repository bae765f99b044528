import "server-only";
import { lightPageResponse } from "@/lib/web/html/render-light-page";
import { LightMessage } from "@/lib/web/html/light-ui";
import { lightMessageAnswer } from "@/lib/web/html/light-message-page";
import { answerToResponse, type DocumentAnswer } from "@/lib/web/html/document-response";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { maskPhone } from "@/lib/phone/mask-phone";
import { checkRateLimits } from "@/lib/rate-limit/check-rate-limit";
import { limitKeys } from "@/lib/rate-limit/limit-keys";
import { clientIp } from "@/lib/web/client-ip";
import { formPageOf } from "@/lib/web/form-page";
import { isSameOriginPost } from "@/lib/web/same-origin";
import { LIGHT } from "@/lib/web/html/light-classes";
import { routeFor } from "@/lib/web/routes";

/** A post from another site: refused, with the way home. */
export function crossSiteRefusal(locale: Locale): Response {
  const t = translatorFor(locale);
  return answerToResponse(
    lightMessageAnswer(
      {
        locale,
        path: "/",
        title: t("Common.forbiddenTitle"),
        text: t("Common.forbiddenBody"),
        action: { href: "/", label: t("Nav.backHome") },
      },
      { status: 403 },
    ),
  );
}

/**
 * What every citizen form post goes through first: a cross-site post is refused (403) and a client over
 * its entry's per-address limit (the route table's `addressLimit`) gets a friendly 429 page with
 * Retry-After. Returns the refusal, or null to go on.
 */
export async function guardCitizenPost(
  request: Request,
  locale: Locale,
  client: string | null = null,
): Promise<Response | null> {
  const path = new URL(request.url).pathname;
  if (!isSameOriginPost(request.headers)) return crossSiteRefusal(locale);
  const limit = routeFor(path)?.addressLimit;
  if (!limit) return null;
  const decision = await checkRateLimits(limitKeys([limit], clientIp(request.headers), client));
  return decision.allowed ? null : rateLimitedResponse(locale, path, decision.retryAfterSeconds);
}

/** The friendly 429 page, with Retry-After, for any citizen request over its limit (per address or per number). */
export function rateLimitedAnswer(locale: Locale, path: string, retryAfterSeconds: number): DocumentAnswer {
  const t = translatorFor(locale);
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return lightMessageAnswer(
    {
      locale,
      path,
      title: t("Common.rateLimitedTitle"),
      text: t("Common.rateLimitedBody", { minutes }),
      action: { href: formPageOf(path), label: t("Common.backToForm"), kind: "secondary" },
    },
    { status: 429, headers: { "Retry-After": String(retryAfterSeconds) } },
  );
}

export function rateLimitedResponse(locale: Locale, path: string, retryAfterSeconds: number): Response {
  return answerToResponse(rateLimitedAnswer(locale, path, retryAfterSeconds));
}

const REFUSED_BODY = {
  413: "Common.formTooLargeBody",
  415: "Common.formNotAFormBody",
  422: "Common.formControlCharacterBody",
} as const;

/** A form post the door refused (too large, not a form, a control character): a page that says why, and the way back. */
export function formRefusedResponse(locale: Locale, status: 413 | 415 | 422, formPath: string): Response {
  const t = translatorFor(locale);
  return answerToResponse(
    lightMessageAnswer(
      {
        locale,
        path: formPath,
        title: t("Common.formRefusedTitle"),
        text: t(REFUSED_BODY[status]),
        action: { href: formPath, label: t("Common.backToForm") },
      },
      { status },
    ),
  );
}

/**
 * Past the hourly cap of unverified refusals (all networks, or the citizen's own): not an error page but the
 * verified way, never capped — one tap sends a code to the number just typed (shown masked), so the
 * refusal is recorded now, by its holder.
 */
export function unverifiedCapResponse(locale: Locale, phone: string): Response {
  const t = translatorFor(locale);
  return lightPageResponse(
    {
      locale,
      title: t("Common.busyTitle"),
      currentPath: "/stop",
      body: (
        <LightMessage title={t("Common.busyTitle")} text={t("Common.busyBody")}>
          <form method="post" action="/number/code">
            <input type="hidden" name="phone" value={phone} />
            <button type="submit" className={LIGHT.primary}>
              {t("Common.busySendCode", { phone: maskPhone(phone) })}
            </button>
          </form>
        </LightMessage>
      ),
    },
    { status: 200, headers: { "Cache-Control": "no-store" } },
  );
}
