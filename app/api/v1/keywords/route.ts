import { env } from "@/lib/env";
import { recordKeyword } from "@/lib/sync/record-keyword";
import { API_ROUTES } from "@/lib/web/api-routes";
import { signedRoute } from "@/lib/web/api/signed-route";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = signedRoute(API_ROUTES.keywords, async ({ caller, body }) => {
  const result = await recordKeyword(caller, body, env().STOPSMS_DEFAULT_REGION);
  return { body: result, count: 1 };
});
