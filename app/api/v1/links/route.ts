import { env } from "@/lib/env";
import { handleSignedRequest, parseOrProblem } from "@/lib/sync/handle-signed-request";
import { mintProviderLinks } from "@/lib/sync/mint-provider-links";
import { linksBody } from "@/lib/sync/schemas";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return handleSignedRequest(request, "POST /links", async ({ caller, json }) => {
    const body = parseOrProblem(linksBody, json);
    const { STOPSMS_DEFAULT_REGION, STOPSMS_PUBLIC_URL } = env();
    const result = await mintProviderLinks(caller, body, {
      defaultRegion: STOPSMS_DEFAULT_REGION,
      publicUrl: STOPSMS_PUBLIC_URL,
    });
    return { body: result, count: body.phones.length };
  });
}

export {
  methodNotAllowed as GET,
  methodNotAllowed as PUT,
  methodNotAllowed as PATCH,
  methodNotAllowed as DELETE,
} from "@/lib/sync/method-not-allowed";
