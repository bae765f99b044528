import "server-only";
import { hasControlCharacter, normaliseNewlines } from "@/lib/input/control-characters";
import { ApiProblem } from "@/lib/problems";
import { readBoundedBody } from "@/lib/web/read-bounded-body";
import { FORM_BODY_LIMIT, routeFor } from "@/lib/web/routes";

// The one reader of every HTML form post, citizen and staff. A form is URL-encoded text a person typed: it
// is read chunk by chunk up to a limit (a chunked 200 MiB post is cut at the limit, never buffered), its
// content type must be a form's, and no field holds a control character other than newline and tab.

export { FORM_BODY_LIMIT };

export type FormRead =
  | { ok: true; values: Record<string, string>; params: URLSearchParams }
  | { ok: false; status: 413 | 415 | 422; reason: "too-large" | "not-a-form" | "control-character" };

const FORM_TYPE = "application/x-www-form-urlencoded";

/** The body limit is the route table's for this path (16 KB for every form today). */
export async function readForm(request: Request): Promise<FormRead> {
  const maxBytes = routeFor(new URL(request.url).pathname)?.bodyLimit || FORM_BODY_LIMIT;
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== FORM_TYPE && (type !== "" || request.body)) {
    await request.body?.cancel().catch(() => undefined);
    return { ok: false, status: 415, reason: "not-a-form" };
  }
  let bytes: Uint8Array;
  try {
    bytes = await readBoundedBody(request, maxBytes);
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 413) return { ok: false, status: 413, reason: "too-large" };
    throw error;
  }
  // Null prototype: a field named "__proto__" or "constructor" is a field like any other.
  const values: Record<string, string> = Object.create(null);
  const params = new URLSearchParams();
  for (const [name, raw] of new URLSearchParams(Buffer.from(bytes).toString("utf8"))) {
    const value = normaliseNewlines(raw);
    if (hasControlCharacter(name) || hasControlCharacter(value))
      return { ok: false, status: 422, reason: "control-character" };
    if (!Object.hasOwn(values, name)) values[name] = value;
    params.append(name, value);
  }
  return { ok: true, values, params };
}
