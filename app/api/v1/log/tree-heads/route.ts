import { listTreeHeads } from "@/lib/transparency-log/tree-head";
import { API_ROUTES } from "@/lib/web/api-routes";
import { publicRoute } from "@/lib/web/api/signed-route";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = publicRoute(API_ROUTES.treeHeads, async ({ query }) => {
  const page = await listTreeHeads(new Date(query.after));
  return { body: page, count: page.tree_heads.length };
});
