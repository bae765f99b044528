import "server-only";
import type { DocumentAnswer } from "@/lib/web/html/document-response";
import { rateLimitedAnswer } from "@/lib/web/guard-citizen-post";
import { pickLocale } from "@/lib/i18n/locales";
import { checkRateLimit } from "@/lib/rate-limit/check-rate-limit";
import { translatorFor } from "@/lib/i18n/translator";
import { lightMessageAnswer } from "@/lib/web/html/light-message-page";
import { LINK_CODE_LENGTH } from "@/lib/links/link-code";
import { landingPage } from "@/lib/web/landing/landing-page";
import { resolveLink } from "@/lib/links/resolve-link";

/**
 * The answer to GET /<code>, wherever the request arrives: the Next route (development) or the production
 * server's fast path (scripts/serve.ts), so both always send the same page. Never writes anything.
 */
// Misses per address: a citizen mistypes a code a few times; a scanner walking the code space misses all day.
const LOOKS_LIKE_A_CODE = new RegExp(`^[A-Za-z0-9]{${LINK_CODE_LENGTH}}$`);
const MISSES_PER_ADDRESS = { limit: 30, windowMs: 10 * 60_000 };

export async function landingGet(
  code: string,
  acceptLanguage: string | null,
  localeCookieValue: string | undefined,
  address: string,
): Promise<DocumentAnswer> {
  const locale = pickLocale(localeCookieValue, acceptLanguage);
  const path = `/${encodeURIComponent(code)}`;
  // "/stpo" is a mistyped page, not a StopSMS link; 8 letters or digits are a code, maybe mistyped from an
  // SMS ("l" for "L"): those get the link page ("not found or expired", with the form to refuse anyway).
  if (!LOOKS_LIKE_A_CODE.test(code)) return pageNotFound(locale, path);
  const link = await resolveLink(code);
  if (link.status !== "active") {
    const limit = await checkRateLimit(MISSES_PER_ADDRESS, "link-miss", address);
    if (!limit.allowed) return rateLimitedAnswer(locale, path, limit.retryAfterSeconds);
  }
  return landingPage(locale, link, path);
}

function pageNotFound(locale: ReturnType<typeof pickLocale>, path: string): DocumentAnswer {
  const t = translatorFor(locale);
  return lightMessageAnswer(
    {
      locale,
      path,
      title: t("Common.notFoundTitle"),
      text: t("Common.notFoundBody"),
      action: { href: "/", label: t("Nav.backHome") },
    },
    { status: 404 },
  );
}
