import "server-only";
import { problems } from "@/lib/http/problem";
import { handleSignedRequest } from "./handle-signed-request";

/** A known endpoint called with the wrong method: a signed 405 problem+json like every other answer. */
export function methodNotAllowed(request: Request) {
  return handleSignedRequest(request, `${request.method} ${new URL(request.url).pathname}`, async () => {
    throw problems.methodNotAllowed();
  });
}
