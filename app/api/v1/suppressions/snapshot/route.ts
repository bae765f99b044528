import { handleSignedRequest, parseOrProblem } from "@/lib/sync/handle-signed-request";
import { readSnapshot } from "@/lib/sync/read-snapshot";
import { snapshotQuery } from "@/lib/sync/schemas";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return handleSignedRequest(request, "GET /suppressions/snapshot", async ({ caller, url }) => {
    const query = parseOrProblem(snapshotQuery, Object.fromEntries(url.searchParams));
    const page = await readSnapshot(caller, query.cursor, query.limit);
    return { json: page.json, cursor: query.cursor ?? "start", count: page.count };
  });
}

export {
  methodNotAllowed as POST,
  methodNotAllowed as PUT,
  methodNotAllowed as PATCH,
  methodNotAllowed as DELETE,
} from "@/lib/sync/method-not-allowed";
