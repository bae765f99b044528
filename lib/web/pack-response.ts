import "server-only";
import { DomainError } from "@/lib/errors";
import { issueEvidencePack } from "@/lib/evidence/issue-evidence-pack";
import { renderPackPdf } from "@/lib/evidence/pdf/render-pack-pdf";

/**
 * A built pack as a download: the signed JSON file, or its PDF rendering (`?format=pdf`) with that very file
 * attached; either way its fingerprint is recorded for /verify-pack.
 */
export async function packResponse(
  build: () => Promise<object | null>,
  name: string,
  format: string | null,
): Promise<Response> {
  try {
    const document = (await build()) as { subject: Record<string, unknown> } | null;
    if (!document) return new Response("Introuvable", { status: 404 });
    const issued = await issueEvidencePack(document);
    const pdf = format === "pdf";
    const body = pdf ? await renderPackPdf(issued, `${name}.json`) : issued.file;
    return new Response(new Uint8Array(body), {
      headers: {
        "Content-Type": pdf ? "application/pdf" : "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}.${pdf ? "pdf" : "json"}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof DomainError && (error.status === 401 || error.status === 403))
      return new Response(error.message, { status: error.status });
    throw error;
  }
}
