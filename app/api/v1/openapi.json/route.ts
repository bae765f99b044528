import { env } from "@/lib/env";
import { signResponse } from "@/lib/web/signatures/sign-response";
import { buildOpenApiDocument } from "@/lib/web/api/openapi";

export const dynamic = "force-dynamic";

/** Needs no request signature; the answer is signed like every /api/v1 response. */
export function GET() {
  const document = buildOpenApiDocument(env().STOPSMS_PUBLIC_URL);
  return signResponse(200, "application/json", Buffer.from(JSON.stringify(document)));
}
