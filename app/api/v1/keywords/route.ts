import { env } from "@/lib/env";
import { handleSignedRequest, parseOrProblem } from "@/lib/sync/handle-signed-request";
import { recordKeyword } from "@/lib/sync/record-keyword";
import { keywordsBody } from "@/lib/sync/schemas";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return handleSignedRequest(request, "POST /keywords", async ({ caller, json }) => {
    const body = parseOrProblem(keywordsBody, json);
    const result = await recordKeyword(caller, body, env().STOPSMS_DEFAULT_REGION);
    return { body: result, count: 1 };
  });
}

export {
  methodNotAllowed as GET,
  methodNotAllowed as PUT,
  methodNotAllowed as PATCH,
  methodNotAllowed as DELETE,
} from "@/lib/sync/method-not-allowed";
