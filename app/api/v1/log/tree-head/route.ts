import { currentTreeHead } from "@/lib/transparency-log/tree-head";
import { API_ROUTES } from "@/lib/web/api/api-routes";
import { publicRoute } from "@/lib/web/api/signed-route";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = publicRoute(API_ROUTES.treeHead, async () => ({
  body: await currentTreeHead(),
}));
