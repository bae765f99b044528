import type { NextRequest, NextResponse } from "next/server";

// The outcome of a staff form post ("Clé révoquée.", or the reason it was refused) travels to the next page
// in a cookie, never in the URL (where it would be bookmarked, shared and shown again on reload). The
// proxy hands it to that one page in a request header and deletes the cookie: shown once.
export const STAFF_FLASH_COOKIE = "stopsms_staff_flash";
export const STAFF_FLASH_HEADER = "x-stopsms-staff-flash";

/**
 * A refused form comes back as it was typed: `form` names the action, keeps its values (the caller leaves
 * out one-time codes) and says which field each problem is about, so the page marks that field and shows
 * the problem beside it.
 */
export type KeptForm = { action: string; values: Record<string, string>; errors: Record<string, string> };
/** `codes`: shown once (recovery codes), since the flash itself is read once. */
export type StaffFlash = { kind: "ok" | "error"; message: string; form?: KeptForm; codes?: string[] };

// A cookie holds about 4 KB: a form longer than this comes back empty, with its message.
const MAX_KEPT = 2500;

export function setStaffFlash(response: NextResponse, flash: StaffFlash): void {
  const message = flash.message.slice(0, 300);
  let form: KeptForm | undefined;
  if (flash.form) {
    form = flash.form;
    if (JSON.stringify(form).length > MAX_KEPT) form = { ...form, values: {} };
  }
  const codes = flash.codes?.slice(0, 20);
  const value = Buffer.from(JSON.stringify({ kind: flash.kind, message, form, codes })).toString("base64url");
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
      return {
        kind: parsed.kind,
        message: parsed.message,
        form: keptFormOf(parsed.form),
        codes: Array.isArray(parsed.codes) ? parsed.codes.filter((c) => typeof c === "string") : undefined,
      };
  } catch {
    // a cookie someone edited: no message
  }
  return null;
}

const strings = (value: unknown): Record<string, string> =>
  value && typeof value === "object"
    ? Object.fromEntries(
        Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
      )
    : {};

function keptFormOf(form: unknown): KeptForm | undefined {
  if (!form || typeof form !== "object" || typeof (form as KeptForm).action !== "string") return undefined;
  const { action, values, errors } = form as KeptForm;
  return { action, values: strings(values), errors: strings(errors) };
}
