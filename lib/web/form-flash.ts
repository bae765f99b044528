import { appendCookie, serializeCookie, type CookieOptions } from "@/lib/web/set-cookie";

// After a refused form post (PRG), the form page needs the citizen's input and the reasons back. They
// travel in a short-lived, HttpOnly cookie read once by the page: never in the URL, where a phone
// number would end up in logs and browser history.
const MAX_AGE_SECONDS = 300;
const FLASH: Omit<CookieOptions, "maxAge"> = { path: "/", httpOnly: true, sameSite: "lax" };

export function flashCookieName(form: string): string {
  return `stopsms_flash_${form}`;
}

export function setFlash(response: Response, form: string, data: unknown): void {
  const value = Buffer.from(JSON.stringify(data)).toString("base64url");
  appendCookie(response, flashCookieName(form), value, { ...FLASH, maxAge: MAX_AGE_SECONDS });
}

export function clearFlash(response: Response, form: string): void {
  appendCookie(response, flashCookieName(form), "", { ...FLASH, maxAge: 0 });
}

export function readFlash(value: string | undefined): unknown {
  if (!value) return undefined;
  try {
    return JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
}

/** The Set-Cookie header that removes a flash once the light page that shows it has read it. */
export function flashClearHeader(form: string): Record<string, string> {
  return { "Set-Cookie": serializeCookie(flashCookieName(form), "", { ...FLASH, maxAge: 0 }) };
}
