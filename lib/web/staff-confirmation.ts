import type { NextResponse } from "next/server";

// A destructive staff action waiting for its confirmation: the form's fields kept in a short-lived HttpOnly
// cookie (never in the URL) for the /staff/confirm page, which shows what will happen and posts them back
// with confirm=yes.
export const STAFF_CONFIRM_COOKIE = "stopsms_staff_confirm";

export type PendingConfirmation = { action: string; fields: Record<string, string> };

export function askConfirmation(response: NextResponse, pending: PendingConfirmation): void {
  const value = Buffer.from(JSON.stringify(pending)).toString("base64url");
  response.cookies.set(STAFF_CONFIRM_COOKIE, value, { httpOnly: true, sameSite: "lax", path: "/staff", maxAge: 600 });
}

export function clearConfirmation(response: NextResponse): void {
  response.cookies.set(STAFF_CONFIRM_COOKIE, "", { httpOnly: true, sameSite: "lax", path: "/staff", maxAge: 0 });
}

export function parseConfirmation(value: string | undefined): PendingConfirmation | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as Partial<PendingConfirmation>;
    if (typeof parsed.action !== "string" || typeof parsed.fields !== "object" || parsed.fields === null) return null;
    const fields = Object.fromEntries(Object.entries(parsed.fields).filter(([, v]) => typeof v === "string")) as Record<
      string,
      string
    >;
    return { action: parsed.action, fields };
  } catch {
    return null;
  }
}
