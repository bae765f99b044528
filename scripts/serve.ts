// The server (`npm start` runs it compiled, `npm run dev` with --dev; so do the e2e, hardening and
// benchmark suites): Next's request handler behind a plain Node http server that decides the client's
// address, applies the front door (lib/web/front-door.ts: method, type, length, auth, from lib/web/routes.ts) to
// every request, counts it for /metrics under the table's label, answers the table's fast paths itself
// (the short-link landing page and the /stop form post, the two answers that take launch-day traffic, and
// /metrics) and, while the database is unreachable, answers 503 at once.
// Usage: serve.ts -p <port> [-H <hostname>] [--dev].
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { isDatabaseDown } from "@/lib/db/availability";
import { probeDatabaseAfterError } from "@/lib/db/client";
import { answerWhileDatabaseDown } from "@/lib/web/answer-while-database-down";
import { serveWebHandler } from "@/lib/web/serve-web-handler";
import { applyClientAddress, parseTrustedProxies } from "@/lib/web/trusted-proxies";
import { startJobs } from "@/lib/jobs/start-jobs";
import { serveLanding } from "@/lib/web/landing/serve-landing";
import { logger } from "@/lib/log";
import { metrics } from "@/lib/metrics/registry";
import { answerStopSubmit } from "@/lib/web/citizen/answer-stop-submit";
import { frontDoor } from "@/lib/web/front-door";
import type { DoorDecision } from "@/lib/web/door";
import { labelOf, routeFor, type RouteEntry } from "@/lib/web/routes";
import { serveMetrics } from "@/lib/metrics/serve-metrics";
import { platformKey } from "@/lib/signing/platform-key";
import { smsGateway } from "@/lib/sms/send-sms";
import { databaseReady } from "@/scripts/lib/production-server";

const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" }, dev: { type: "boolean" } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? process.env.HOSTNAME ?? "0.0.0.0";

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;
const DRAIN_MS = 10_000;
type RefusedAtTheDoor = Extract<DoorDecision, { kind: "refuse" }>;

// Logs go to stdout/stderr. If whatever reads them is gone (a supervisor's pipe closed, a test harness that
// died), every write fails, and each failure would be logged again: the process would spin on its own errors
// and answer nothing. It stops instead, and its supervisor (systemd: Restart=always) starts a fresh one.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(1);
  });
}

async function main() {
  const trusted = parseTrustedProxies(process.env.STOPSMS_TRUSTED_PROXIES);
  const dev = values.dev ?? false;
  const app = next({ dev, dir: process.cwd(), hostname, port });
  const handle: Handler = app.getRequestHandler();
  await app.prepare();
  // Refuse to start rather than answer providers unsigned, or citizens with codes that never leave.
  platformKey();
  smsGateway();
  // Under `npm start`, Next was loaded while the launcher started and migrated the database.
  await databaseReady();

  // The table's fast paths (fastPath: true), answered here; every other entry goes to Next.
  const fastPaths: Record<
    string,
    (request: IncomingMessage, response: ServerResponse, pathname: string) => Promise<unknown>
  > = {
    "/metrics": (request, response) =>
      serveMetrics(request.headers.authorization, process.env.STOPSMS_METRICS_TOKEN || undefined).then(
        ({ status, contentType, body }) =>
          response.writeHead(status, { "Content-Type": contentType, "Cache-Control": "no-store" }).end(body),
      ),
    "/stop/submit": (request, response) => serveWebHandler(answerStopSubmit, request, response),
    "/[code]": (request, response, pathname) =>
      request.method === "GET" || request.method === "HEAD"
        ? serveLanding(pathname.slice(1), request, response)
        : handle(request, response),
  };
  const route = async (
    request: IncomingMessage,
    response: ServerResponse,
    pathname: string,
    entry: RouteEntry | null,
  ): Promise<unknown> => {
    const pending = frontDoor({
      method: request.method ?? "GET",
      pathname,
      entry,
      contentType: request.headers["content-type"],
      contentLength: request.headers["content-length"],
      cookie: request.headers.cookie,
    });
    const decision = pending instanceof Promise ? await pending : pending;
    if (decision.kind === "refuse") return refuseAtTheDoor(request, response, decision);
    const fast = decision.entry?.fastPath ? fastPaths[decision.entry.path] : undefined;
    return fast ? fast(request, response, pathname) : handle(request, response);
  };

  // Requests being answered, so that a stop (SIGTERM) finishes them instead of cutting them off.
  const inFlight = new Set<ServerResponse>();
  let draining = false;

  const server = http.createServer((request, response) => {
    inFlight.add(response);
    response.once("close", () => inFlight.delete(response));
    if (draining) response.setHeader("Connection", "close");
    // Before anything reads a header: who the client is, and forwarded headers only from trusted proxies.
    applyClientAddress(request.headers, request.socket.remoteAddress, trusted);
    const started = process.hrtime.bigint();
    const pathname = pathnameOf(request.url);
    const entry = routeFor(pathname);
    const path = labelOf(pathname, entry);
    response.once("finish", () => {
      const { httpRequests, httpDuration } = metrics();
      httpRequests.inc({ route: path, method: request.method ?? "GET", status: String(response.statusCode) });
      httpDuration.observe({ route: path }, Number(process.hrtime.bigint() - started) / 1e9);
      // A 500 may be the first sign of a database outage that no connection has reported yet.
      if (response.statusCode >= 500 && !isDatabaseDown()) probeDatabaseAfterError();
    });
    const answered = isDatabaseDown() ? answerWhileDatabaseDown(request, response) : Promise.resolve(false);
    answered
      .then((done) => (done ? undefined : route(request, response, pathname, entry)))
      .catch((error: unknown) => {
        // Let Next answer (and report) whatever went wrong, as it would without this server in front.
        logger.error({ err: error, route: path }, "production server fast path failed");
        if (!response.headersSent) void handle(request, response);
      });
  });
  // Idle keep-alive connections outlive a load balancer's (60 s is the common default): otherwise the
  // balancer, or any client, may send a request on a socket this server is closing at that very moment.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.listen(port, hostname, () => console.log(`[stopsms] listening on http://${hostname}:${port}`));
  // Scheduled jobs start after the server answers (they never delay a cold start); a database that is down
  // now only delays them, it does not stop the server.
  const jobs = startJobs().catch((error: unknown) => {
    logger.error({ err: error }, "scheduled jobs not started");
    return null;
  });
  // A stop (SIGTERM from systemd or an orchestrator, Ctrl-C): accept nothing new, let every request already
  // received finish and be answered (each closes its connection after its answer), for at most 10 s, then
  // exit. An opposition acknowledged before the stop is committed; one still being written is finished.
  const stop = (signal: NodeJS.Signals) => {
    if (draining) return;
    draining = true;
    logger.info({ signal, inFlight: inFlight.size }, "stopping: finishing the requests in flight");
    for (const response of inFlight) if (!response.headersSent) response.setHeader("Connection", "close");
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const drained = Promise.race([
      closed,
      new Promise<void>((resolve) =>
        setTimeout(() => {
          logger.warn({ inFlight: inFlight.size }, "stopping: requests still running after 10 s are cut off");
          server.closeAllConnections();
          resolve();
        }, DRAIN_MS).unref(),
      ),
    ]);
    void drained
      .then(() => {
        const stopped = jobs.then((boss) => boss?.stop({ graceful: false, wait: false }));
        return Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 2_000))]);
      })
      .finally(() => process.exit(0));
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => stop(signal));
}

// A refused request's body is never held: what arrives is dropped, so that the client reads the answer
// (closing at once would reset the connection and could lose it), and the connection is cut past 64 MiB or
// 10 s of it.
const DISCARD_LIMIT = 64 * 1024 * 1024;
const DISCARD_MS = 10_000;

function refuseAtTheDoor(request: IncomingMessage, response: ServerResponse, refusal: RefusedAtTheDoor): void {
  let discarded = 0;
  const cut = setTimeout(() => request.socket.destroy(), DISCARD_MS).unref();
  request.once("end", () => clearTimeout(cut));
  request.once("close", () => clearTimeout(cut));
  request.on("data", (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > DISCARD_LIMIT) request.socket.destroy();
  });
  response.writeHead(refusal.status, refusal.headers).end(refusal.body);
}

/** The request's path without its query, normalised as a URL's (dot segments) when it needs it. */
function pathnameOf(url: string | undefined): string {
  const raw = url ?? "/";
  const end = raw.indexOf("?");
  const path = end < 0 ? raw : raw.slice(0, end);
  // The landing page's traffic is plain "/<code>": no URL object for it (a few µs on every request).
  if (path.startsWith("/") && !/[%\\#]|\/\.|\/\//.test(path)) return path;
  try {
    return new URL(raw, "http://door").pathname;
  } catch {
    return "/";
  }
}

main().catch((error: unknown) => {
  console.error(`[stopsms] cannot start the server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
