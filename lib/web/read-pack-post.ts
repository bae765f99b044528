import "server-only";
import { ApiProblem } from "@/lib/problems";
import { readBoundedBody } from "@/lib/web/read-bounded-body";
import { readForm } from "@/lib/web/read-form";
import { routeFor } from "@/lib/web/routes";

export type PackPost =
  | { kind: "file"; file: Uint8Array | null }
  | { kind: "fingerprint"; fingerprint: string }
  | { kind: "refused"; status: 413 | 415 | 422 };

/**
 * /verify-pack's two forms: a pack file (multipart, read bounded by the route table's limit, then parsed)
 * or a fingerprint (the one form reader, with its control-character check).
 */
export async function readPackPost(request: Request): Promise<PackPost> {
  // The boundary is case-sensitive: only the media type is compared without case.
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) {
    const form = await readForm(request);
    if (!form.ok) return { kind: "refused", status: form.status };
    return { kind: "fingerprint", fingerprint: (form.values.fingerprint ?? "").trim().toLowerCase() };
  }
  let bytes: Uint8Array;
  try {
    bytes = await readBoundedBody(request, routeFor("/verify-pack")!.bodyLimit);
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 413) return { kind: "refused", status: 413 };
    throw error;
  }
  const form = await new Response(bytes as BodyInit, { headers: { "content-type": type } })
    .formData()
    .catch(() => null);
  if (!form) return { kind: "refused", status: 422 };
  const pack = form.get("pack");
  if (!pack || typeof pack === "string" || pack.size === 0) return { kind: "file", file: null };
  return { kind: "file", file: new Uint8Array(await pack.arrayBuffer()) };
}
