import { platformKey } from "@/lib/signing/platform-key";

export const dynamic = "force-dynamic";

/** The platform's public keys (RFC 7517 JWKS), to verify every /api/v1 response. Public and cacheable. */
export function GET() {
  return Response.json({ keys: [platformKey().jwk] }, { headers: { "Cache-Control": "public, max-age=3600" } });
}
