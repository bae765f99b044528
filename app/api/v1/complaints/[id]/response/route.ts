import { respondToComplaint } from "@/lib/sync/respond-to-complaint";
import { API_ROUTES } from "@/lib/web/api-routes";
import { signedRoute } from "@/lib/web/api/signed-route";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = signedRoute(
  API_ROUTES.complaintResponse,
  async ({ caller, body, params }) => {
    const id = params.id!.slice(0, 40);
    return { body: await respondToComplaint(caller, id, body), cursor: id };
  },
);
