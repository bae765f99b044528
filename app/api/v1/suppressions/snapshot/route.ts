import { readSnapshot } from "@/lib/sync/read-snapshot";
import { API_ROUTES } from "@/lib/web/api-routes";
import { signedRoute } from "@/lib/web/api/signed-route";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = signedRoute(API_ROUTES.snapshot, async ({ caller, query }) => {
  const page = await readSnapshot(caller, query.cursor, query.limit);
  return { json: page.json, cursor: query.cursor ?? "start", count: page.count };
});
