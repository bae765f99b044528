import type { NextRequest } from "next/server";
import { cookieValue } from "@/lib/web/cookie-value";
import { readFlash, flashCookieName } from "@/lib/web/form-flash";
import { localeCookie, pickLocale, type Locale } from "@/lib/i18n/locales";

/** The citizen's language: the cookie they chose, else their browser's, else French. */
export function requestLocale(request: Request): Locale {
  return pickLocale(cookieValue(request.headers.get("cookie"), localeCookie), request.headers.get("accept-language"));
}

/** What a refused form post left for its page (see form-flash.ts), or an empty object. */
export function requestFlash<T extends object>(request: NextRequest, form: string): Partial<T> {
  return (readFlash(request.cookies.get(flashCookieName(form))?.value) ?? {}) as Partial<T>;
}
