import type { NextRequest } from "next/server";
import { cookieValue } from "@/lib/http/cookie-value";
import { readFlash, flashCookieName } from "@/lib/http/form-flash";
import { localeCookie, type Locale } from "@/lib/i18n/locales";
import { localeOfRequest } from "@/lib/i18n/translator";

/** The citizen's language: the cookie they chose, else their browser's, else French. */
export function requestLocale(request: Request): Locale {
  return localeOfRequest(request.headers, cookieValue(request.headers.get("cookie"), localeCookie));
}

/** What a refused form post left for its page (see form-flash.ts), or an empty object. */
export function requestFlash<T extends object>(request: NextRequest, form: string): Partial<T> {
  return (readFlash(request.cookies.get(flashCookieName(form))?.value) ?? {}) as Partial<T>;
}
