import { env } from "@/lib/env";
import { handleSignedRequest, parseOrProblem } from "@/lib/sync/handle-signed-request";
import { checkBody } from "@/lib/sync/schemas";
import { washPhones } from "@/lib/sync/wash-phones";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return handleSignedRequest(request, "POST /suppressions/check", async ({ caller, json }) => {
    const body = parseOrProblem(checkBody, json);
    const result = await washPhones(caller, body.sender, body.phones, env().STOPSMS_DEFAULT_REGION);
    return { body: result, count: body.phones.length };
  });
}

export {
  methodNotAllowed as GET,
  methodNotAllowed as PUT,
  methodNotAllowed as PATCH,
  methodNotAllowed as DELETE,
} from "@/lib/sync/method-not-allowed";
