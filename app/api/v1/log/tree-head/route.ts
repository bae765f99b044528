import { audienceOf, treeHeadFor } from "@/lib/transparency-log/published-head";
import { API_ROUTES } from "@/lib/web/api-routes";
import { publicRoute } from "@/lib/web/api/signed-route";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = publicRoute(API_ROUTES.treeHead, async ({ caller }) => ({
  body: await treeHeadFor(audienceOf(caller)),
}));
