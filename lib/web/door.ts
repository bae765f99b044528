import { problems } from "@/lib/problems";
import { routeFor, type RouteEntry } from "@/lib/web/routes";

// The front door: one decision for every request, from the route table's entry for its path, before any
// handler runs. scripts/serve.ts (production, and `npm run dev`, which runs the same server) applies it to
// each request; the handlers then read their body through readers bounded by the same entry (read-form.ts,
// api/handle-signed-request.ts), so a chunked body is cut at the limit too.
// The provider API's refusals are its handlers' (signed, after the signature: docs/protocol.md).

export type DoorDecision =
  | { kind: "refuse"; status: 303 | 401 | 405 | 413 | 415; headers: Record<string, string>; body: string }
  | { kind: "pass"; entry: RouteEntry | null };

export interface DoorRequest {
  method: string;
  pathname: string;
  /** The table's entry for the path, when the caller already looked it up. */
  entry?: RouteEntry | null;
  contentType?: string;
  contentLength?: string;
}

export function atTheDoor(request: DoorRequest): DoorDecision {
  const { method, pathname, contentType, contentLength } = request;
  const entry = request.entry === undefined ? routeFor(pathname) : request.entry;
  if (!entry || entry.renderer === "signed-json") return { kind: "pass", entry };
  const allowed = entry.methods.includes("GET") ? [...entry.methods, "HEAD"] : entry.methods;
  if (!allowed.includes(method as RouteEntry["methods"][number]))
    return refuse(405, problems.methodNotAllowed().toJSON(), { Allow: allowed.join(", ") });
  if (method === "GET" || method === "HEAD") return { kind: "pass", entry };
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type && !entry.contentTypes.includes(type))
    return refuse(415, problems.unsupportedMediaType(entry.contentTypes.join(" or ")).toJSON());
  if (Number(contentLength ?? 0) > entry.bodyLimit)
    return refuse(413, problems.tooLarge(`bodies are limited to ${entry.bodyLimit} bytes`).toJSON());
  return { kind: "pass", entry };
}

function refuse(status: 405 | 413 | 415, problem: object, extra: Record<string, string> = {}): DoorDecision {
  // A body declared too large is never taken in: the connection closes after the answer. Any other refused
  // body is discarded as it arrives, within a bound (scripts/serve.ts), so that the client reads the answer.
  const close: Record<string, string> = status === 413 ? { Connection: "close" } : {};
  return {
    kind: "refuse",
    status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...close, ...extra },
    body: JSON.stringify(problem),
  };
}

/** The pages that set their own, stricter policy (no script at all): the proxy leaves them alone. */
export function setsItsOwnPolicy(pathname: string): boolean {
  const renderer = routeFor(pathname)?.renderer;
  return renderer === "light-page" || renderer === "landing";
}
