import { handlePublicRequest } from "@/lib/sync/handle-public-request";
import { currentTreeHead } from "@/lib/transparency-log/tree-head";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return handlePublicRequest(request, "GET /log/tree-head", async () => ({ body: await currentTreeHead() }));
}

export {
  methodNotAllowed as POST,
  methodNotAllowed as PUT,
  methodNotAllowed as PATCH,
  methodNotAllowed as DELETE,
} from "@/lib/sync/method-not-allowed";
