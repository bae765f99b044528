import { listProviderSenders } from "@/lib/sync/authorized-sender";
import { handleSignedRequest } from "@/lib/sync/handle-signed-request";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return handleSignedRequest(request, "GET /senders", async ({ caller }) => {
    const senders = await listProviderSenders(caller.providerId);
    return { body: { senders }, count: senders.length };
  });
}

export {
  methodNotAllowed as POST,
  methodNotAllowed as PUT,
  methodNotAllowed as PATCH,
  methodNotAllowed as DELETE,
} from "@/lib/sync/method-not-allowed";
