import "server-only";
import { z } from "zod";
import { isDatabaseDown, retryAfterSeconds } from "@/lib/db/availability";
import { noteDatabaseError } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { ApiProblem, problems } from "@/lib/problems";
import { logger } from "@/lib/log";
import { checkRateLimit } from "@/lib/rate-limit/check-rate-limit";
import { signedHeaders, signResponse } from "@/lib/web/signatures/sign-response";
import { clientIp } from "@/lib/web/client-ip";
import { readBoundedBody } from "@/lib/web/read-bounded-body";
import { SMALL_API_BODY } from "@/lib/web/api-routes";
import { routeFor } from "@/lib/web/routes";
import { findControlCharacter } from "@/lib/input/control-characters";
import {
  completeRequestVerification,
  requestSignatureLabel,
  verifyRequestSignature,
  type VerifiedCaller,
} from "@/lib/web/signatures/verify-request";
import { takeBodySlot, takeProviderBulkSlot } from "@/lib/sync/bulk-slots";
import { writeAccessLog } from "@/lib/sync/write-access-log";

export const API_RATE_LIMIT = { limit: 600, windowMs: 60_000 }; // per key: ample for sync, stops a runaway loop
// Per address, for calls that fail verification: a key's owner never needs many; a scanner or a forger does.
const UNVERIFIED_RATE_LIMIT = { limit: 60, windowMs: 60_000 };

export interface SignedCall {
  caller: VerifiedCaller;
  url: URL;
  /** The body parsed as JSON (undefined when empty). */
  json: unknown;
}

export interface HandlerResult {
  /** The answer, serialized here; or `json`, already serialized (the snapshot's 50 000-entry pages). */
  body?: unknown;
  json?: string;
  /** Or a body streamed as it is read, whose Content-Digest is known beforehand (a snapshot file). */
  stream?: { body: ReadableStream<Uint8Array>; contentType: string; digest: string };
  /** What the access log keeps: the cursor or `after` asked for, and how many entries were involved. */
  cursor?: string;
  count?: number;
  /** 200 unless the endpoint says otherwise (202: accepted, held for review). */
  status?: number;
}

export function parseOrProblem<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw problems.invalidRequest(
    result.error.issues.map((i) => ({ field: i.path.join(".") || "(body)", message: i.message })),
  );
}

/** Any error as the problem to answer: the caller's mistakes as 4xx, an outage as 503, the rest as a bare 500. */
export function toProblem(error: unknown, endpoint: string): ApiProblem {
  if (error instanceof ApiProblem) return error;
  if (error instanceof DomainError) return new ApiProblem(error.status, error.code, error.message);
  if (noteDatabaseError(error)) return problems.unavailable(retryAfterSeconds());
  logger.error({ err: error, endpoint }, "api request failed");
  return problems.internal();
}

/** The answer's bytes and headers for a result or a problem (Retry-After when one is due). */
export function answerParts(result: HandlerResult | undefined, problem: ApiProblem | undefined) {
  const payload = Buffer.from(problem ? toJson(problem.toJSON()) : (result!.json ?? toJson(result!.body)));
  const extra: Record<string, string> =
    problem?.extra.retry_after !== undefined ? { "retry-after": String(problem.extra.retry_after) } : {};
  return { payload, extra, contentType: problem ? "application/problem+json" : "application/json" };
}

function takeSlot(release: (() => void) | null): () => void {
  if (!release) throw problems.rateLimited(1);
  return release;
}

function toJson(value: unknown): string {
  // seq values may be bigint here and are plain JSON numbers on the wire (they fit in 2^53). A replacer
  // slows V8's stringify several times over on 50 000-entry pages, so it is only used when a bigint makes
  // the plain call throw (which it does at the first one, early in a change page).
  try {
    return JSON.stringify(value);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? Number(v) : v));
  }
}

/**
 * The request flow of every /api/v1 endpoint, in plain sight: verify the signature from the headers →
 * rate-limit the key → read the body (bounded, in a capped number of slots) → check its digest and the
 * nonce → run the endpoint → sign the answer → log the call. No body byte is read for a caller who cannot
 * sign. Any error becomes a signed problem+json; only unexpected ones are 500, details in the server log.
 */
export async function handleSignedRequest(
  request: Request,
  endpoint: string,
  run: (call: SignedCall) => Promise<HandlerResult>,
  /** Unless the caller says otherwise, the route table's limit for the path (12 MB for the bulk calls). */
  maxBodyBytes?: number,
): Promise<Response> {
  let verified: VerifiedCaller | undefined;
  let status = 200;
  let code: string | undefined;
  let result: HandlerResult | undefined;
  let problem: ApiProblem | undefined;
  const slots: (() => void)[] = [];
  try {
    const url = new URL(request.url);
    const checked = await verifyRequestSignature({
      method: request.method,
      url: request.url,
      headers: request.headers,
    });
    const limit = await checkRateLimit(API_RATE_LIMIT, "api", checked.caller.keyid);
    if (!limit.allowed) throw problems.rateLimited(limit.retryAfterSeconds);
    if (request.body) {
      slots.push(takeSlot(takeBodySlot()));
      slots.push(takeSlot(takeProviderBulkSlot(checked.caller.providerId)));
    }
    const body = await readBoundedBody(request, maxBodyBytes ?? routeFor(url.pathname)?.bodyLimit ?? SMALL_API_BODY);
    const caller = await completeRequestVerification(checked, request.headers, body);
    verified = caller;
    let json: unknown;
    if (body.length > 0) {
      try {
        json = JSON.parse(Buffer.from(body).toString("utf8"));
      } catch {
        throw problems.invalidRequest([{ field: "(body)", message: "not valid JSON" }]);
      }
      const field = findControlCharacter(json);
      if (field)
        throw problems.invalidRequest([
          { field, message: "control characters other than newline and tab are refused" },
        ]);
    }
    result = await run({ caller, url, json });
    status = result.status ?? 200;
  } catch (error) {
    problem = toProblem(error, endpoint);
  } finally {
    for (const release of slots) release();
  }
  if (!verified && problem && problem.status < 500 && problem.code !== "rate-limited" && !isDatabaseDown()) {
    const limit = await checkRateLimit(UNVERIFIED_RATE_LIMIT, "api-unverified", clientIp(request.headers));
    if (!limit.allowed) problem = problems.rateLimited(limit.retryAfterSeconds);
  }
  if (problem) {
    status = problem.status;
    code = problem.code;
  }
  // Bound to the request's own signature whenever it carried one, accepted or not (docs/protocol.md 1.1).
  const label = requestSignatureLabel(request.headers);
  const boundTo = label ? { label, headers: request.headers } : undefined;
  let response: Response;
  if (result?.stream && !problem) {
    const { body, contentType, digest } = result.stream;
    response = new Response(body, { status, headers: await signedHeaders(status, contentType, digest, {}, boundTo) });
  } else {
    const { payload, extra, contentType } = answerParts(result, problem);
    response = await signResponse(status, contentType, payload, extra, boundTo);
  }
  // Only a fully verified call (signature, digest, fresh nonce) is the provider's: anything else is logged
  // without a provider, so nobody can write into a provider's record by naming its key id.
  if (!isDatabaseDown())
    await writeAccessLog({
      providerId: verified?.providerId,
      keyid: verified?.keyid,
      method: request.method,
      endpoint,
      cursor: result?.cursor,
      count: result?.count,
      status,
      code,
      userAgent: request.headers.get("user-agent"),
    }).catch((error: unknown) => logger.error({ err: error }, "access log write failed"));
  return response;
}
