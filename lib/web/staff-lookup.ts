import type { NextResponse } from "next/server";

// The number staff looked up travels from the form post to /staff/lookup in a short-lived HttpOnly cookie
// scoped to that page: never in a URL (browser history, proxy logs, the Referer of the next click).
export const STAFF_LOOKUP_COOKIE = "stopsms_staff_lookup";
const PATH = "/staff/lookup";

export function setLookup(response: NextResponse, phone: string): void {
  response.cookies.set(STAFF_LOOKUP_COOKIE, Buffer.from(phone).toString("base64url"), {
    httpOnly: true,
    sameSite: "strict",
    path: PATH,
    maxAge: 600,
  });
}

export function clearLookup(response: NextResponse): void {
  response.cookies.set(STAFF_LOOKUP_COOKIE, "", { httpOnly: true, sameSite: "strict", path: PATH, maxAge: 0 });
}

/** The E.164 number of the cookie, or null (absent, or edited into something that is not one). */
export function parseLookup(value: string | undefined): string | null {
  if (!value) return null;
  const phone = Buffer.from(value, "base64url").toString("utf8");
  return /^\+[1-9]\d{6,14}$/.test(phone) ? phone : null;
}
