import "server-only";
import { env } from "@/lib/env";
import { clearFlash } from "@/lib/web/form-flash";
import { readFormPost, seeOther } from "@/lib/web/form-post";
import { rateLimitedResponse, unverifiedCapResponse } from "@/lib/web/guard-citizen-post";
import { networkOf } from "@/lib/rate-limit/network-of";
import { submitWebOpposition } from "@/lib/oppositions/submit-web-opposition";

/**
 * The plain form post from /stop (works without JavaScript): PRG to the receipt, or back to the form with
 * the citizen's input and the reasons in a short-lived cookie. A Web Request in, a Web Response out, so that
 * the Next route and the production server's fast path (scripts/serve.ts: on launch day this post takes
 * hundreds of citizens a second, and Next's router would cost more CPU than the refusal itself) give one answer.
 */
export async function answerStopSubmit(request: Request): Promise<Response> {
  const post = await readFormPost(request);
  if (post instanceof Response) return post;
  const result = await submitWebOpposition(post.values, env().STOPSMS_DEFAULT_REGION, networkOf(post.address));
  if (result.status === "invalid")
    return seeOther("/stop", {
      form: "stop",
      data: { values: result.values, errors: result.errors, suggestion: result.suggestion },
    });
  if (result.status === "rate-limited") return rateLimitedResponse(post.locale, "/stop", result.retryAfterSeconds);
  if (result.status === "busy") return unverifiedCapResponse(post.locale, result.phone);
  // The same answer whether or not the number had already refused: no `status`, a new receipt either way.
  const response = seeOther(`/receipt/${result.receiptId}`);
  clearFlash(response, "stop");
  return response;
}

/** Whether the production server answers this request with `answerStopSubmit` itself. */
export function isStopSubmit(method: string | undefined, url: string | undefined): boolean {
  if (method !== "POST" || !url?.startsWith("/stop/submit")) return false;
  return url.length === "/stop/submit".length || url["/stop/submit".length] === "?";
}
