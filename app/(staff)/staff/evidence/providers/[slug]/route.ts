import type { NextRequest } from "next/server";
import { buildProviderEvidence } from "@/lib/evidence/build-complaint-evidence";
import { packResponse } from "@/lib/web/pack-response";
import { parseDateRange } from "@/lib/stats/date-range";

// Staff only, audited: every complaint about a provider over a period, in one signed pack.
export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const range = parseDateRange(Object.fromEntries(request.nextUrl.searchParams));
  const safe = slug.slice(0, 64).replace(/[^a-z0-9-]/g, "");
  return packResponse(
    () => buildProviderEvidence(safe, range),
    `stopsms-preuve-${safe}-${range.from}-${range.to}`,
    request.nextUrl.searchParams.get("format"),
  );
}
