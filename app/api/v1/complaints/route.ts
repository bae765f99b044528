import { listProviderComplaints } from "@/lib/sync/list-provider-complaints";
import { API_ROUTES } from "@/lib/web/api-routes";
import { signedRoute } from "@/lib/web/api/signed-route";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = signedRoute(API_ROUTES.complaints, async ({ caller, query }) => {
  const page = await listProviderComplaints(caller.providerId, query.after, query.limit);
  return { body: page, cursor: query.after ?? "start", count: page.complaints.length };
});
