import { env } from "@/lib/env";
import { washPhones } from "@/lib/sync/wash-phones";
import { API_ROUTES } from "@/lib/web/api-routes";
import { signedRoute } from "@/lib/web/api/signed-route";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = signedRoute(API_ROUTES.check, async ({ caller, body }) => {
  const result = await washPhones(caller, body.sender, body.phones, env().STOPSMS_DEFAULT_REGION, {
    campaign: body.campaign,
    source: body.source,
  });
  return { body: result, count: body.phones.length };
});
