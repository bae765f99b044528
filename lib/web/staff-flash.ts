import type { NextRequest, NextResponse } from "next/server";

// The outcome of a staff form post ("Clé révoquée.", or the reason it was refused) travels to the next page
// in a cookie, never in the URL (where it would be bookmarked, shared and shown again on reload). The
// proxy hands it to that one page in a request header and deletes the cookie: shown once.
export const STAFF_FLASH_COOKIE = "stopsms_staff_flash";
export const STAFF_FLASH_HEADER = "x-stopsms-staff-flash";

export type StaffFlash = { kind: "ok" | "error"; message: string };

export function setStaffFlash(response: NextResponse, flash: StaffFlash): void {
  const value = Buffer.from(JSON.stringify({ kind: flash.kind, message: flash.message.slice(0, 300) })).toString(
    "base64url",
  );
  response.cookies.set(STAFF_FLASH_COOKIE, value, { httpOnly: true, sameSite: "lax", path: "/staff", maxAge: 60 });
}

/** In the proxy: the flash of a staff page request, if any (prefetches leave it for the real visit). */
export function takeStaffFlash(request: NextRequest): string | null {
  if (!request.nextUrl.pathname.startsWith("/staff")) return null;
  if (request.headers.get("next-router-prefetch") || request.headers.get("purpose") === "prefetch") return null;
  return request.cookies.get(STAFF_FLASH_COOKIE)?.value ?? null;
}

export function parseStaffFlash(value: string | null | undefined): StaffFlash | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as Partial<StaffFlash>;
    if ((parsed.kind === "ok" || parsed.kind === "error") && typeof parsed.message === "string")
      return { kind: parsed.kind, message: parsed.message };
  } catch {
    // a cookie someone edited: no message
  }
  return null;
}
