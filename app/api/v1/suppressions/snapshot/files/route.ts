import { handleSignedRequest } from "@/lib/sync/handle-signed-request";
import { snapshotManifest } from "@/lib/snapshot-files/serve-snapshot-files";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return handleSignedRequest(request, "GET /suppressions/snapshot/files", async ({ caller }) => {
    const manifest = await snapshotManifest(caller);
    return { body: manifest, cursor: String(manifest.at), count: manifest.files.length };
  });
}

export {
  methodNotAllowed as POST,
  methodNotAllowed as PUT,
  methodNotAllowed as PATCH,
  methodNotAllowed as DELETE,
} from "@/lib/sync/method-not-allowed";
