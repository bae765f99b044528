import "server-only";
import { DomainError } from "@/lib/errors";
import { renderPackPdf } from "@/lib/evidence/render-pack-pdf";
import { signPack } from "@/lib/evidence/sign-pack";

/** A built pack as a download: the signed JSON, or its PDF rendering (`?format=pdf`). */
export async function packResponse(
  build: () => Promise<unknown | null>,
  name: string,
  format: string | null,
): Promise<Response> {
  try {
    const document = await build();
    if (!document) return new Response("Introuvable", { status: 404 });
    const pack = signPack(document);
    const pdf = format === "pdf";
    return new Response(pdf ? new Uint8Array(await renderPackPdf(pack)) : `${JSON.stringify(pack, null, 2)}\n`, {
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
