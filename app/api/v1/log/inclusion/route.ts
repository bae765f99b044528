import { handlePublicRequest } from "@/lib/sync/handle-public-request";
import { parseOrProblem } from "@/lib/sync/handle-signed-request";
import { inclusionQuery } from "@/lib/sync/schemas";
import { inclusionProof } from "@/lib/transparency-log/proofs";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return handlePublicRequest(request, "GET /log/inclusion", async ({ url }) => {
    const query = parseOrProblem(inclusionQuery, Object.fromEntries(url.searchParams));
    return { body: await inclusionProof(query.index, query.size) };
  });
}

export {
  methodNotAllowed as POST,
  methodNotAllowed as PUT,
  methodNotAllowed as PATCH,
  methodNotAllowed as DELETE,
} from "@/lib/sync/method-not-allowed";
