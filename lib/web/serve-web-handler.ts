import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { logger } from "@/lib/log";

type WebHandler = (request: Request) => Promise<Response>;

/**
 * Runs a Web-standard handler (the one a Next route also exports) straight from Node's http server, past
 * Next's router. A failure answers a bare 500, as Next does for a route that throws: the body has been
 * read, so handing the request on to Next would run the form again with nothing in it.
 */
export async function serveWebHandler(
  handler: WebHandler,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  let answer: Response;
  try {
    answer = await handler(toWebRequest(request));
  } catch (error) {
    logger.error({ err: error, url: request.url }, "request failed");
    if (!response.headersSent) response.writeHead(500, { "Content-Length": "0" }).end();
    return;
  }
  const body = Buffer.from(await answer.arrayBuffer());
  const headers: Record<string, string | string[]> = {};
  answer.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = answer.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  headers["content-length"] = String(body.length);
  response.writeHead(answer.status, headers);
  response.end(request.method === "HEAD" ? undefined : body);
}

function toWebRequest(request: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const one of [value].flat()) headers.append(name, one);
  }
  const method = request.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(`http://${safeHost(request.headers.host)}${request.url ?? "/"}`, {
    method,
    headers,
    body: hasBody ? (Readable.toWeb(request) as ReadableStream<Uint8Array>) : undefined,
    duplex: "half",
  } as RequestInit);
}

/** The Host header when it is a plain host[:port]; a forged one cannot make the URL unparsable. */
function safeHost(host: string | undefined): string {
  return host && /^[A-Za-z0-9.\-:[\]]{1,255}$/.test(host) ? host : "localhost";
}
