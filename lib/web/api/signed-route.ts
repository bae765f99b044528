import "server-only";
import type { z } from "zod";
import { assertOperator } from "@/lib/numbers/apply-number-events";
import { problems } from "@/lib/problems";
import type { VerifiedCaller } from "@/lib/web/signatures/verify-request";
import { SMALL_API_BODY, type ApiRoute } from "@/lib/web/api-routes";
import { handlePublicRequest } from "@/lib/web/api/handle-public-request";
import { handleSignedRequest, parseOrProblem, type HandlerResult } from "@/lib/web/api/handle-signed-request";

// Every /api/v1 route file is its table entry (api-routes.ts) and one call of this factory: the entry's
// method runs the endpoint with its query and body parsed by the entry's schemas; every other method is a
// signed 405 problem+json with `Allow`, after the same checks as any call.

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;
type Context = { params: Promise<Record<string, string | string[]>> };
type Handler = (request: Request, context?: Context) => Promise<Response>;

export interface RouteCall<Q, B, C = VerifiedCaller> {
  /** The verified caller (on a public endpoint: null when called without a signature). */
  caller: C;
  query: Q;
  body: B;
  params: Record<string, string>;
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

type Handlers = Record<(typeof METHODS)[number], Handler>;

/** A provider's (or an operator's) endpoint: nothing runs for a caller who cannot sign. */
export function signedRoute<Q extends z.ZodType | undefined, B extends z.ZodType | undefined>(
  entry: ApiRoute<Q, B>,
  run: (call: RouteCall<Infer<Q>, Infer<B>>) => Promise<HandlerResult>,
): Handlers {
  if (entry.auth === "public") throw new Error(`${entry.path} is public: use publicRoute`);
  return apiRoute(entry, run as (call: RouteCall<Infer<Q>, Infer<B>, VerifiedCaller | null>) => Promise<HandlerResult>);
}

/** An endpoint anyone may call, signed or not (the transparency log). */
export function publicRoute<Q extends z.ZodType | undefined, B extends z.ZodType | undefined>(
  entry: ApiRoute<Q, B>,
  run: (call: RouteCall<Infer<Q>, Infer<B>, VerifiedCaller | null>) => Promise<HandlerResult>,
): Handlers {
  if (entry.auth !== "public") throw new Error(`${entry.path} is signed: use signedRoute`);
  return apiRoute(entry, run);
}

function apiRoute<Q extends z.ZodType | undefined, B extends z.ZodType | undefined>(
  entry: ApiRoute<Q, B>,
  run: (call: RouteCall<Infer<Q>, Infer<B>, VerifiedCaller | null>) => Promise<HandlerResult>,
): Handlers {
  const endpoint = `${entry.method} ${entry.path}`;
  const handle = (
    request: Request,
    endpointLabel: string,
    body: (call: { url: URL; json?: unknown; caller?: VerifiedCaller }) => Promise<HandlerResult>,
    bodyLimit?: number,
  ) =>
    entry.auth === "public"
      ? handlePublicRequest(request, endpointLabel, body, bodyLimit)
      : handleSignedRequest(request, endpointLabel, body, bodyLimit);

  const answer: Handler = async (request, context) => {
    const params = Object.fromEntries(
      Object.entries((await context?.params) ?? {}).map(([k, v]) => [k, String(v).slice(0, 200)]),
    );
    // The body is read up to the route table's limit for this path (lib/web/routes.ts, from this entry).
    return handle(request, endpoint, async ({ url, json, caller }) => {
      // An operator's endpoint says 403 to anyone else before anything about the body.
      if (entry.auth === "operator") assertOperator(caller!);
      return run({
        caller: caller ?? null,
        query: (entry.query
          ? parseOrProblem(entry.query, Object.fromEntries(url.searchParams))
          : undefined) as Infer<Q>,
        body: (entry.body ? parseOrProblem(entry.body, json) : undefined) as Infer<B>,
        params,
      });
    });
  };
  const refuse: Handler = async (request) => {
    const response = await handle(
      request,
      `${request.method} ${entry.path}`,
      async () => {
        throw problems.methodNotAllowed();
      },
      SMALL_API_BODY,
    );
    if (response.status === 405) response.headers.set("Allow", entry.method);
    return response;
  };
  return Object.fromEntries(METHODS.map((m) => [m, m === entry.method ? answer : refuse])) as Handlers;
}
