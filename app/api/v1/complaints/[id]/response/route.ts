import { handleSignedRequest, parseOrProblem } from "@/lib/sync/handle-signed-request";
import { respondToComplaint } from "@/lib/sync/respond-to-complaint";
import { complaintResponseBody } from "@/lib/sync/schemas";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export function POST(request: Request, { params }: Context) {
  return handleSignedRequest(request, "POST /complaints/{id}/response", async ({ caller, json }) => {
    const { id } = await params;
    const body = parseOrProblem(complaintResponseBody, json);
    return { body: await respondToComplaint(caller, id.slice(0, 40), body), cursor: id.slice(0, 40) };
  });
}

export {
  methodNotAllowed as GET,
  methodNotAllowed as PUT,
  methodNotAllowed as PATCH,
  methodNotAllowed as DELETE,
} from "@/lib/sync/method-not-allowed";
