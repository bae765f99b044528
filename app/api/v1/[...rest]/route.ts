import { problems } from "@/lib/problems";
import { handleSignedRequest } from "@/lib/web/api/handle-signed-request";

// Unknown endpoints and methods still get a signed problem+json (after signature checks), never HTML.
export const dynamic = "force-dynamic";

function notFound(request: Request) {
  return handleSignedRequest(request, "unknown", async () => {
    throw problems.notFound();
  });
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
