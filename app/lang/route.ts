import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { readForm } from "@/lib/web/read-form";
import { safeBackPath } from "@/lib/web/safe-back";
import { localeCookie, locales } from "@/lib/i18n/locales";

const input = z.object({
  locale: z.enum(locales),
  // Only same-site paths: never an open redirect, never a header-breaking character.
  next: z.unknown().transform((value) => safeBackPath(value, "/", "/")),
});

export async function POST(request: NextRequest) {
  // A body that is not a form (JSON, garbage, too large) is simply an unknown language, not a server error.
  const form = await readForm(request);
  const parsed = input.safeParse(form.ok ? { ...form.values } : {});
  if (!parsed.success) return new NextResponse("Unknown language", { status: 400 });
  // A relative Location keeps the host the citizen used (behind a proxy, request.url may not be it).
  const response = new NextResponse(null, { status: 303, headers: { Location: parsed.data.next } });
  response.cookies.set(localeCookie, parsed.data.locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
  return response;
}
