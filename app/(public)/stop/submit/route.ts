import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { clearFlash, setFlash } from "@/lib/http/form-flash";
import { guardCitizenPost, rateLimitedResponse, unverifiedCapResponse } from "@/lib/http/guard-citizen-post";
import { localeCookie } from "@/lib/i18n/locales";
import { localeOfRequest } from "@/lib/i18n/translator";
import { submitWebOpposition } from "@/lib/oppositions/submit-web-opposition";
import { RATE_LIMITS } from "@/lib/rate-limit/check-rate-limit";

// Plain form post from /stop (works without JavaScript): PRG to the receipt, or back to the form with
// the citizen's input and the reasons in a short-lived cookie.
export async function POST(request: NextRequest) {
  const locale = localeOfRequest(request.headers, request.cookies.get(localeCookie)?.value);
  const refused = await guardCitizenPost(request, locale, [{ rule: RATE_LIMITS.stopPerIp, bucket: "stop-ip" }]);
  if (refused) return refused;
  const form = Object.fromEntries(await request.formData().catch(() => new FormData()));
  const result = await submitWebOpposition(form, env().STOPSMS_DEFAULT_REGION);
  if (result.status === "invalid") {
    const response = new NextResponse(null, { status: 303, headers: { Location: "/stop" } });
    setFlash(response, "stop", { values: result.values, errors: result.errors, suggestion: result.suggestion });
    return response;
  }
  if (result.status === "rate-limited") return rateLimitedResponse(locale, "/stop", result.retryAfterSeconds);
  if (result.status === "busy") return unverifiedCapResponse(locale, result.retryAfterSeconds);
  // The same answer whether or not the number had already refused: no `status`, a new receipt either way.
  const response = new NextResponse(null, { status: 303, headers: { Location: `/receipt/${result.receipt.id}` } });
  clearFlash(response, "stop");
  return response;
}
