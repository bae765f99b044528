import { handleSignedRequest } from "@/lib/sync/handle-signed-request";
import { openSnapshotFile } from "@/lib/snapshot-files/serve-snapshot-files";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ name: string }> };

export async function GET(request: Request, { params }: Context) {
  const { name } = await params;
  return handleSignedRequest(request, "GET /suppressions/snapshot/files/<file>", async ({ caller }) => {
    const file = await openSnapshotFile(caller, name);
    return {
      stream: { body: file.body, contentType: "application/gzip", digest: file.digest },
      cursor: name.slice(0, 12),
      count: file.entries,
    };
  });
}

export {
  methodNotAllowed as POST,
  methodNotAllowed as PUT,
  methodNotAllowed as PATCH,
  methodNotAllowed as DELETE,
} from "@/lib/sync/method-not-allowed";
