import { env } from "@/lib/env";
import { applyNumberEvents } from "@/lib/numbers/apply-number-events";
import { API_ROUTES } from "@/lib/web/api-routes";
import { signedRoute } from "@/lib/web/api/signed-route";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = signedRoute(API_ROUTES.numberEvents, async ({ caller, body }) => {
  const { held, ...result } = await applyNumberEvents(caller, body.events, {
    defaultRegion: env().STOPSMS_DEFAULT_REGION,
    reviewPerDay: env().STOPSMS_NUMBER_EVENTS_REVIEW_PER_DAY,
  });
  // 1.1's answer as it was; 202 with `held` when some events wait for staff review (docs/protocol.md, 1.2).
  return held > 0
    ? { body: { ...result, held }, count: body.events.length, status: 202 }
    : { body: result, count: body.events.length };
});
