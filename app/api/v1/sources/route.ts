import { listActiveListSources } from "@/lib/sources/list-list-sources";
import { API_ROUTES } from "@/lib/web/api-routes";
import { signedRoute } from "@/lib/web/api/signed-route";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = signedRoute(API_ROUTES.sources, async () => {
  const sources = await listActiveListSources();
  return { body: { sources }, count: sources.length };
});
