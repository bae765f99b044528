import { NextResponse, type NextRequest } from "next/server";
import { createComplaint } from "@/lib/complaints/create-complaint";
import { env } from "@/lib/env";
import { clearFlash, setFlash } from "@/lib/http/form-flash";
import { guardCitizenPost } from "@/lib/http/guard-citizen-post";
import { localeCookie } from "@/lib/i18n/locales";
import { localeOfRequest } from "@/lib/i18n/translator";
import { RATE_LIMITS } from "@/lib/rate-limit/check-rate-limit";

// Plain form post from /report: PRG to the confirmation with the complaint's reference.
export async function POST(request: NextRequest) {
  const locale = localeOfRequest(request.headers, request.cookies.get(localeCookie)?.value);
  const refused = await guardCitizenPost(request, locale, [{ rule: RATE_LIMITS.reportPerIp, bucket: "report-ip" }]);
  if (refused) return refused;
  const form = Object.fromEntries(await request.formData().catch(() => new FormData()));
  const values = {
    reason: form.reason,
    senderSeen: typeof form.senderSeen === "string" ? form.senderSeen : "",
    messageText: typeof form.messageText === "string" ? form.messageText : "",
    receivedOn: typeof form.receivedOn === "string" ? form.receivedOn : "",
    phone: typeof form.phone === "string" && form.phone.trim() ? form.phone : undefined,
    link: typeof form.link === "string" && form.link ? form.link : undefined,
    receipt: typeof form.receipt === "string" && form.receipt ? form.receipt : undefined,
    senderAsTyped: typeof form.senderAsTyped === "string" ? form.senderAsTyped : undefined,
    sharePhone: form.sharePhone === "yes",
  };
  const result = await createComplaint(values, { defaultRegion: env().STOPSMS_DEFAULT_REGION });
  if (!result.ok) {
    const response = new NextResponse(null, { status: 303, headers: { Location: "/report" } });
    setFlash(response, "report", {
      values: { ...values, messageText: values.messageText.slice(0, 2000) },
      errors: result.errors,
      suggestion: result.suggestion,
    });
    return response;
  }
  const response = new NextResponse(null, { status: 303, headers: { Location: `/report?reference=${result.id}` } });
  clearFlash(response, "report");
  return response;
}
