import { acknowledgeChanges } from "@/lib/sync/acknowledge-changes";
import { API_ROUTES } from "@/lib/web/api-routes";
import { signedRoute } from "@/lib/web/api/signed-route";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = signedRoute(API_ROUTES.ack, async ({ caller, body }) => {
  const result = await acknowledgeChanges(caller, BigInt(body.applied));
  return { body: result, cursor: String(body.applied) };
});
