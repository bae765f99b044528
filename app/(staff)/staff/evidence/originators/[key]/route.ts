import type { NextRequest } from "next/server";
import { buildOriginatorEvidence } from "@/lib/evidence/build-complaint-evidence";
import { packResponse } from "@/lib/web/pack-response";

// Staff only, audited: the signed dossier of one originator, for the public prosecutor.
export async function GET(request: NextRequest, { params }: { params: Promise<{ key: string }> }) {
  const key = decodeURIComponent((await params).key).slice(0, 64);
  return packResponse(
    () => buildOriginatorEvidence(key),
    `stopsms-dossier-${key.replace(/[^A-Za-z0-9+]/g, "")}`,
    request.nextUrl.searchParams.get("format"),
  );
}
