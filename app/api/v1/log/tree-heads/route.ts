import { handlePublicRequest } from "@/lib/sync/handle-public-request";
import { parseOrProblem } from "@/lib/sync/handle-signed-request";
import { treeHeadsQuery } from "@/lib/sync/schemas";
import { listTreeHeads } from "@/lib/transparency-log/tree-head";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return handlePublicRequest(request, "GET /log/tree-heads", async ({ url }) => {
    const query = parseOrProblem(treeHeadsQuery, Object.fromEntries(url.searchParams));
    const page = await listTreeHeads(new Date(query.after));
    return { body: page, count: page.tree_heads.length };
  });
}

export {
  methodNotAllowed as POST,
  methodNotAllowed as PUT,
  methodNotAllowed as PATCH,
  methodNotAllowed as DELETE,
} from "@/lib/sync/method-not-allowed";
