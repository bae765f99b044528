import { acknowledgeChanges } from "@/lib/sync/acknowledge-changes";
import { handleSignedRequest, parseOrProblem } from "@/lib/sync/handle-signed-request";
import { ackBody } from "@/lib/sync/schemas";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return handleSignedRequest(request, "POST /suppressions/ack", async ({ caller, json }) => {
    const body = parseOrProblem(ackBody, json);
    const result = await acknowledgeChanges(caller, BigInt(body.applied));
    return { body: result, cursor: String(body.applied) };
  });
}

export {
  methodNotAllowed as GET,
  methodNotAllowed as PUT,
  methodNotAllowed as PATCH,
  methodNotAllowed as DELETE,
} from "@/lib/sync/method-not-allowed";
