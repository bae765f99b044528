import { env } from "@/lib/env";
import { applyNumberEvents, assertOperator } from "@/lib/numbers/apply-number-events";
import { handleSignedRequest, parseOrProblem } from "@/lib/sync/handle-signed-request";
import { numberEventsBody } from "@/lib/sync/schemas";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return handleSignedRequest(request, "POST /numbers/events", async ({ caller, json }) => {
    assertOperator(caller); // 403 before anything about the body
    const body = parseOrProblem(numberEventsBody, json);
    const { held, ...result } = await applyNumberEvents(caller, body.events, {
      defaultRegion: env().STOPSMS_DEFAULT_REGION,
      reviewPerDay: env().STOPSMS_NUMBER_EVENTS_REVIEW_PER_DAY,
    });
    // 1.1's answer as it was; 202 with `held` when some events wait for staff review (SYNC-PROTOCOL.md 1.2).
    return held > 0
      ? { body: { ...result, held }, count: body.events.length, status: 202 }
      : { body: result, count: body.events.length };
  });
}

export {
  methodNotAllowed as GET,
  methodNotAllowed as PUT,
  methodNotAllowed as PATCH,
  methodNotAllowed as DELETE,
} from "@/lib/sync/method-not-allowed";
