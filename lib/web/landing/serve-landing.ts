import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { cookieValue } from "@/lib/web/cookie-value";
import { CLIENT_IP_HEADER } from "@/lib/web/trusted-proxies";
import { localeCookie } from "@/lib/i18n/locales";
import { landingGet } from "@/lib/web/landing/landing-get";
import { isLinkCode } from "@/lib/links/link-code";

/** The code of a GET or HEAD of `/<code>`, the page every StopSMS SMS links to; otherwise null. */
export function landingCodeOf(request: IncomingMessage): string | null {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  const url = request.url ?? "";
  const end = url.indexOf("?");
  const code = (end < 0 ? url : url.slice(0, end)).slice(1);
  return isLinkCode(code) ? code : null;
}

/**
 * Answers the landing page straight from Node's http server. Next's router costs about 2 ms of CPU per
 * request, ten times the page itself, and this page takes the traffic of whole SMS campaigns. The
 * response is the one the Next route gives (same function, same headers).
 */
export async function serveLanding(code: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const address = [request.headers[CLIENT_IP_HEADER]].flat()[0] ?? request.socket.remoteAddress ?? "unknown";
  const page = await landingGet(
    code,
    request.headers["accept-language"] ?? null,
    cookieValue(request.headers.cookie, localeCookie),
    address,
  );
  const body = typeof page.body === "string" ? Buffer.from(page.body) : page.body;
  response.writeHead(page.status, { ...page.headers, "Content-Length": String(body.length) });
  response.end(request.method === "HEAD" ? undefined : body);
}
