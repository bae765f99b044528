import { changePageJson } from "@/lib/oppositions/list-changes";
import { pullChanges } from "@/lib/sync/pull-changes";
import { handleSignedRequest, parseOrProblem } from "@/lib/sync/handle-signed-request";
import { changesQuery } from "@/lib/sync/schemas";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return handleSignedRequest(request, "GET /suppressions/changes", async ({ caller, url }) => {
    const query = parseOrProblem(changesQuery, Object.fromEntries(url.searchParams));
    const page = await pullChanges(caller, query.after, query.limit);
    return { json: changePageJson(page), cursor: String(query.after), count: page.count };
  });
}

export {
  methodNotAllowed as POST,
  methodNotAllowed as PUT,
  methodNotAllowed as PATCH,
  methodNotAllowed as DELETE,
} from "@/lib/sync/method-not-allowed";
