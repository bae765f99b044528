import "server-only";
import { clientIp } from "@/lib/web/client-ip";
import { ApiProblem, problems } from "@/lib/problems";
import { checkRateLimit } from "@/lib/rate-limit/check-rate-limit";
import { signResponse } from "@/lib/web/signatures/sign-response";
import {
  answerParts,
  handleSignedRequest,
  toProblem,
  type HandlerResult,
  type SignedCall,
} from "@/lib/web/api/handle-signed-request";

// Anyone may check the transparency log (docs/protocol.md 1.1): a provider with its signed calls, a citizen
// or an auditor without. Unsigned calls are limited per address; every answer is signed by the platform.
const UNSIGNED_RATE_LIMIT = { limit: 120, windowMs: 60_000 };

export async function handlePublicRequest(
  request: Request,
  endpoint: string,
  run: (call: { url: URL }) => Promise<HandlerResult>,
  maxBodyBytes?: number,
): Promise<Response> {
  if (request.headers.has("signature") || request.headers.has("signature-input")) {
    return handleSignedRequest(request, endpoint, (call: SignedCall) => run(call), maxBodyBytes);
  }
  let result: HandlerResult | undefined;
  let problem: ApiProblem | undefined;
  try {
    const limit = await checkRateLimit(UNSIGNED_RATE_LIMIT, "api-public", clientIp(request.headers));
    if (!limit.allowed) throw problems.rateLimited(limit.retryAfterSeconds);
    result = await run({ url: new URL(request.url) });
  } catch (error) {
    problem = toProblem(error, endpoint);
  }
  const { payload, extra, contentType } = answerParts(result, problem);
  return signResponse(problem?.status ?? 200, contentType, payload, { ...extra, "access-control-allow-origin": "*" });
}
