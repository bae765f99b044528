import "server-only";
import { createHash } from "node:crypto";
import { ApiProblem, problems } from "@/lib/problems";
import { CACHE_SECONDS, readOpenDataFile } from "@/lib/open-data/read-open-data";
import { checkRateLimit } from "@/lib/rate-limit/check-rate-limit";
import { clientIp } from "@/lib/web/client-ip";
import { routeFor } from "@/lib/web/routes";

// GET /api/open/v1/<dataset>.json|.csv and /api/open/v1/datasets.json: public, unsigned, for browsers too
// (CORS), cached here and by anyone in between for five minutes, revalidated by ETag, limited per address
// (the route table's addressLimit).

function answer(
  request: Request,
  status: number,
  body: string,
  contentType: string,
  extra: Record<string, string> = {},
): Response {
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  const headers: Record<string, string> = {
    "Content-Type": contentType,
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag",
    "Cache-Control": status === 200 ? `public, max-age=${CACHE_SECONDS}` : "no-store",
    ETag: etag,
    ...extra,
  };
  if (status === 200 && request.headers.get("if-none-match") === etag)
    return new Response(null, { status: 304, headers });
  return new Response(body, { status, headers });
}

export async function serveOpenData(request: Request, file: string): Promise<Response> {
  // Only the parameters of the grid: a query cannot make a request cost more than another.
  try {
    const url = new URL(request.url);
    const { bucket, rule } = routeFor(url.pathname)!.addressLimit!;
    const limit = await checkRateLimit(rule, bucket, clientIp(request.headers));
    if (!limit.allowed) throw problems.rateLimited(limit.retryAfterSeconds);
    const read = await readOpenDataFile(file, Object.fromEntries(url.searchParams), url.origin);
    const extra: Record<string, string> = read.filename
      ? { "Content-Disposition": `inline; filename="${read.filename}"` }
      : {};
    return answer(request, 200, read.body, read.contentType, extra);
  } catch (error) {
    // The caller's mistakes (unknown dataset, too many calls) as problem+json; anything else is Next's 500.
    if (!(error instanceof ApiProblem)) throw error;
    const problem = error;
    const extra: Record<string, string> =
      problem.code === "rate-limited" ? { "Retry-After": String(problem.extra.retry_after) } : {};
    return answer(request, problem.status, JSON.stringify(problem.toJSON()), "application/problem+json", extra);
  }
}
