import "server-only";
import type { LightPageAnswer } from "@/lib/html/render-light-page";
import { pickLocale } from "@/lib/i18n/locales";
import { landingPage } from "./landing-page";
import { resolveLink } from "./resolve-link";

/**
 * The answer to GET /<code>, wherever the request arrives: the Next route (development) or the production
 * server's fast path (scripts/serve.ts), so both always send the same page. Never writes anything.
 */
export async function landingGet(code: string, acceptLanguage: string | null, localeCookieValue: string | undefined): Promise<LightPageAnswer> {
  const locale = pickLocale(localeCookieValue, acceptLanguage);
  return landingPage(locale, await resolveLink(code), `/${encodeURIComponent(code)}`);
}
