import { env } from "@/lib/env";
import { mintProviderLinks } from "@/lib/sync/mint-provider-links";
import { API_ROUTES } from "@/lib/web/api-routes";
import { signedRoute } from "@/lib/web/api/signed-route";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = signedRoute(API_ROUTES.links, async ({ caller, body }) => {
  const { STOPSMS_DEFAULT_REGION, STOPSMS_PUBLIC_URL, STOPSMS_REQUIRE_DECLARATION } = env();
  const result = await mintProviderLinks(caller, body, {
    defaultRegion: STOPSMS_DEFAULT_REGION,
    publicUrl: STOPSMS_PUBLIC_URL,
    requireDeclaration: STOPSMS_REQUIRE_DECLARATION === "on",
  });
  return { body: result, count: body.phones.length };
});
