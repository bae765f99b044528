import { handleSignedRequest, parseOrProblem } from "@/lib/sync/handle-signed-request";
import { listProviderComplaints } from "@/lib/sync/list-provider-complaints";
import { complaintsQuery } from "@/lib/sync/schemas";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return handleSignedRequest(request, "GET /complaints", async ({ caller, url }) => {
    const query = parseOrProblem(complaintsQuery, Object.fromEntries(url.searchParams));
    const page = await listProviderComplaints(caller.providerId, query.after, query.limit);
    return { body: page, cursor: query.after ?? "start", count: page.complaints.length };
  });
}

export {
  methodNotAllowed as POST,
  methodNotAllowed as PUT,
  methodNotAllowed as PATCH,
  methodNotAllowed as DELETE,
} from "@/lib/sync/method-not-allowed";
