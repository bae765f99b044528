import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { retryAfterSeconds } from "@/lib/db/availability";
import { lightMessageAnswer } from "@/lib/web/html/light-message-page";
import { localeCookie, pickLocale } from "@/lib/i18n/locales";
import { cookieValue } from "@/lib/web/cookie-value";
import { translatorFor } from "@/lib/i18n/translator";
import { problems } from "@/lib/problems";
import { signResponse } from "@/lib/web/signatures/sign-response";
import { requestSignatureLabel } from "@/lib/web/signatures/verify-request";

// Paths that need no database: served as usual during an outage.
const WITHOUT_DATABASE =
  /^\/(_next\/|icon\.svg$|robots\.txt$|manifest\.webmanifest$|\.well-known\/|api\/health$|metrics$|api\/v1\/openapi\.json$)/;

/**
 * While PostgreSQL is unreachable (lib/db/availability.ts), the production server answers here at once:
 * the provider API with a signed 503 problem+json, every page and form with a friendly 503, both with
 * Retry-After. Returns false for the paths that need no database.
 */
export async function answerWhileDatabaseDown(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  const path = (request.url ?? "/").split("?")[0] ?? "/";
  if (WITHOUT_DATABASE.test(path)) return false;
  const retryAfter = String(retryAfterSeconds());
  if (path.startsWith("/api/")) {
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers))
      if (typeof value === "string") headers.set(name, value);
    const label = requestSignatureLabel(headers);
    const problem = problems.unavailable(retryAfterSeconds());
    const answer = await signResponse(
      503,
      "application/problem+json",
      Buffer.from(JSON.stringify(problem.toJSON())),
      { "retry-after": retryAfter },
      label ? { label, headers } : undefined,
    );
    response.writeHead(503, Object.fromEntries(answer.headers));
    response.end(Buffer.from(await answer.arrayBuffer()));
    return true;
  }
  const locale = pickLocale(
    cookieValue(request.headers.cookie, localeCookie),
    request.headers["accept-language"] ?? null,
  );
  const t = translatorFor(locale);
  const page = lightMessageAnswer(
    { locale, path, title: t("Common.unavailableTitle"), text: t("Common.unavailableBody") },
    { status: 503, headers: { "Retry-After": retryAfter } },
  );
  response.writeHead(page.status, page.headers).end(request.method === "HEAD" ? undefined : page.body);
  return true;
}
