import { changePageJson } from "@/lib/oppositions/list-changes";
import { pullChanges } from "@/lib/sync/pull-changes";
import { API_ROUTES } from "@/lib/web/api-routes";
import { signedRoute } from "@/lib/web/api/signed-route";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = signedRoute(API_ROUTES.changes, async ({ caller, query }) => {
  const page = await pullChanges(caller, query.after, query.limit);
  return { json: changePageJson(page), cursor: String(query.after), count: page.count };
});
