import "server-only";
import { clientIp } from "@/lib/web/client-ip";
import { routeFor } from "@/lib/web/routes";
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
// or an auditor without. Unsigned calls are limited per address (the route table's addressLimit); every
// answer is signed by the platform.

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
    const url = new URL(request.url);
    const { bucket, rule } = routeFor(url.pathname)!.addressLimit!;
    const limit = await checkRateLimit(rule, bucket, clientIp(request.headers));
    if (!limit.allowed) throw problems.rateLimited(limit.retryAfterSeconds);
    result = await run({ url });
  } catch (error) {
    problem = toProblem(error, endpoint);
  }
  const { payload, extra, contentType } = answerParts(result, problem);
  return signResponse(problem?.status ?? 200, contentType, payload, { ...extra, "access-control-allow-origin": "*" });
}
