import type { NextRequest } from "next/server";
import { env } from "@/lib/env";
import { clearFlash } from "@/lib/http/form-flash";
import { readFormPost, seeOther } from "@/lib/http/form-post";
import { rateLimitedResponse, unverifiedCapResponse } from "@/lib/http/guard-citizen-post";
import { submitWebOpposition } from "@/lib/oppositions/submit-web-opposition";
import { RATE_LIMITS } from "@/lib/rate-limit/check-rate-limit";

// Plain form post from /stop (works without JavaScript): PRG to the receipt, or back to the form with
// the citizen's input and the reasons in a short-lived cookie.
export async function POST(request: NextRequest) {
  const post = await readFormPost(request, [{ rule: RATE_LIMITS.stopPerIp, bucket: "stop-ip" }]);
  if (post instanceof Response) return post;
  const result = await submitWebOpposition(post.values, env().STOPSMS_DEFAULT_REGION);
  if (result.status === "invalid")
    return seeOther("/stop", {
      form: "stop",
      data: { values: result.values, errors: result.errors, suggestion: result.suggestion },
    });
  if (result.status === "rate-limited") return rateLimitedResponse(post.locale, "/stop", result.retryAfterSeconds);
  if (result.status === "busy") return unverifiedCapResponse(post.locale, result.retryAfterSeconds);
  // The same answer whether or not the number had already refused: no `status`, a new receipt either way.
  const response = seeOther(`/receipt/${result.receipt.id}`);
  clearFlash(response, "stop");
  return response;
}
