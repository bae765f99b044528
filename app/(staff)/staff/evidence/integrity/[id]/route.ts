import { buildIntegrityEvidence } from "@/lib/evidence/build-integrity-evidence";
import { packResponse } from "@/lib/web/pack-response";

// Staff only, audited: one integrity alert as a signed JSON pack.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const safe = id.slice(0, 20).replace(/\D/g, "");
  return packResponse(() => buildIntegrityEvidence(safe), `stopsms-alerte-integrite-${safe}`, null);
}
