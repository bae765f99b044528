import { handlePublicRequest } from "@/lib/sync/handle-public-request";
import { parseOrProblem } from "@/lib/sync/handle-signed-request";
import { consistencyQuery } from "@/lib/sync/schemas";
import { consistencyProof } from "@/lib/transparency-log/proofs";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return handlePublicRequest(request, "GET /log/consistency", async ({ url }) => {
    const query = parseOrProblem(consistencyQuery, Object.fromEntries(url.searchParams));
    return { body: await consistencyProof(query.from, query.to) };
  });
}

export {
  methodNotAllowed as POST,
  methodNotAllowed as PUT,
  methodNotAllowed as PATCH,
  methodNotAllowed as DELETE,
} from "@/lib/sync/method-not-allowed";
