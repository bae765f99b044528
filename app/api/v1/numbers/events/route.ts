import { env } from "@/lib/env";
import { applyNumberEvents, assertOperator } from "@/lib/numbers/apply-number-events";
import { handleSignedRequest, parseOrProblem } from "@/lib/sync/handle-signed-request";
import { numberEventsBody } from "@/lib/sync/schemas";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return handleSignedRequest(request, "POST /numbers/events", async ({ caller, json }) => {
    assertOperator(caller); // 403 before anything about the body
    const body = parseOrProblem(numberEventsBody, json);
    const result = await applyNumberEvents(caller, body.events, env().STOPSMS_DEFAULT_REGION);
    return { body: result, count: body.events.length };
  });
}

export {
  methodNotAllowed as GET,
  methodNotAllowed as PUT,
  methodNotAllowed as PATCH,
  methodNotAllowed as DELETE,
} from "@/lib/sync/method-not-allowed";
