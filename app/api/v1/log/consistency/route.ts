import { consistencyProof } from "@/lib/transparency-log/proofs";
import { audienceOf } from "@/lib/transparency-log/published-head";
import { API_ROUTES } from "@/lib/web/api-routes";
import { publicRoute } from "@/lib/web/api/signed-route";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = publicRoute(API_ROUTES.consistency, async ({ query, caller }) => ({
  body: await consistencyProof(query.from, query.to, audienceOf(caller)),
}));
