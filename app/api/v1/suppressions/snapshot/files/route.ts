import { snapshotManifest } from "@/lib/snapshot-files/serve-snapshot-files";
import { API_ROUTES } from "@/lib/web/api-routes";
import { signedRoute } from "@/lib/web/api/signed-route";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = signedRoute(API_ROUTES.snapshotFiles, async ({ caller }) => {
  const manifest = await snapshotManifest(caller);
  return { body: manifest, cursor: String(manifest.at), count: manifest.files.length };
});
