import type { NextRequest } from "next/server";
import { buildComplaintEvidence } from "@/lib/evidence/build-complaint-evidence";
import { packResponse } from "@/lib/web/pack-response";

// Staff only (checked inside buildComplaintEvidence), audited: one complaint's signed evidence pack.
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const safe = id.slice(0, 20);
  return packResponse(
    () => buildComplaintEvidence(safe),
    `stopsms-preuve-${safe.replace(/[^A-Z0-9-]/g, "")}`,
    request.nextUrl.searchParams.get("format"),
  );
}
