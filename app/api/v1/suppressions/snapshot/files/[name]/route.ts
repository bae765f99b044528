import { openSnapshotFile } from "@/lib/snapshot-files/serve-snapshot-files";
import { API_ROUTES } from "@/lib/web/api-routes";
import { signedRoute } from "@/lib/web/api/signed-route";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = signedRoute(API_ROUTES.snapshotFile, async ({ caller, params }) => {
  const file = await openSnapshotFile(caller, params.name!);
  return {
    stream: { body: file.body, contentType: "application/gzip", digest: file.digest },
    cursor: params.name!.slice(0, 12),
    count: file.entries,
  };
});
