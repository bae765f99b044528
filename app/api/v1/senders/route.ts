import { listProviderSenders } from "@/lib/sync/authorized-sender";
import { API_ROUTES } from "@/lib/web/api-routes";
import { signedRoute } from "@/lib/web/api/signed-route";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = signedRoute(API_ROUTES.senders, async ({ caller }) => {
  const senders = await listProviderSenders(caller.providerId);
  return { body: { senders }, count: senders.length };
});
