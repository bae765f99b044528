import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { clientIp } from "@/lib/http/client-ip";
import { setFlash } from "@/lib/http/form-flash";
import { guardCitizenPost } from "@/lib/http/guard-citizen-post";
import type { Locale } from "@/lib/i18n/locales";
import { localeCookie } from "@/lib/i18n/locales";
import { localeOfRequest } from "@/lib/i18n/translator";
import { RATE_LIMITS } from "@/lib/rate-limit/check-rate-limit";

/** What the /number page reads back after a post (PRG): which step, the number being verified, the errors. */
export interface NumberFlash {
  step?: "phone" | "code";
  phone?: string;
  error?: { field: "phone" | "code"; key: string; params?: Record<string, number> };
  done?: string;
}

export interface NumberPost {
  locale: Locale;
  address: string;
  field(name: string): string;
}

/**
 * The start of every /number form post: same-origin and rate-limit guard, the form read into strings.
 * Returns the refusal to send as it is, or the parsed post.
 */
export async function readNumberPost(request: NextRequest): Promise<NumberPost | Response> {
  const locale = localeOfRequest(request.headers, request.cookies.get(localeCookie)?.value);
  const refused = await guardCitizenPost(request, locale, [{ rule: RATE_LIMITS.numberPerIp, bucket: "number-ip" }]);
  if (refused) return refused;
  const form = await request.formData().catch(() => new FormData());
  return {
    locale,
    address: clientIp(request.headers),
    field: (name) => {
      const value = form.get(name);
      return typeof value === "string" ? value.slice(0, 200) : "";
    },
  };
}

/** 303 to `location`, with the flash for the /number page when given. */
export function seeOther(location: string, flash?: NumberFlash): NextResponse {
  const response = new NextResponse(null, { status: 303, headers: { Location: location } });
  if (flash) setFlash(response, "number", flash);
  return response;
}
