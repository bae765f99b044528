import { NextResponse, type NextRequest } from "next/server";
import { currentStaff } from "@/lib/auth/require-staff";
import { DomainError } from "@/lib/errors";
import { staffForbiddenDocument } from "@/components/staff/forbidden-document";
import { documentResponse } from "@/lib/web/html/document-response";
import { formRefusedResponse } from "@/lib/web/guard-citizen-post";
import { readForm } from "@/lib/web/read-form";
import { isSameOriginPost } from "@/lib/web/same-origin";
import { safeBackPath } from "@/lib/web/safe-back";
import { staffErrorMessage, staffFieldErrors } from "@/lib/web/staff-error-message";
import { setStaffFlash } from "@/lib/web/staff-flash";
import { askConfirmation, clearConfirmation } from "@/lib/web/staff-confirmation";
import { CONFIRMATIONS, STAFF_ACTIONS, type Form } from "./staff-actions";

const forbiddenPage = (message: string) => documentResponse(staffForbiddenDocument(message), { status: 403 });

function redirectWith(back: string, flash: Parameters<typeof setStaffFlash>[1]) {
  const response = new NextResponse(null, { status: 303, headers: { Location: back } });
  setStaffFlash(response, flash);
  clearConfirmation(response);
  return response;
}

// What a refused form shows again: everything typed but a one-time code, a private key pasted by mistake
// (it is not kept anywhere, not even for a minute in a cookie) and the form's own plumbing.
const keptValues = (action: string, values: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(values).filter(
      ([name, value]) =>
        name !== "back" &&
        name !== "confirm" &&
        !(action.startsWith("totp-") && name === "code") &&
        !/PRIVATE KEY/.test(value),
    ),
  );

export async function POST(request: NextRequest, { params }: { params: Promise<{ action: string }> }) {
  const { action } = await params;
  // Own keys only: "constructor" or "toString" are not actions.
  const run = Object.hasOwn(STAFF_ACTIONS, action) ? STAFF_ACTIONS[action] : undefined;
  if (!run) return new NextResponse("Unknown action", { status: 404 });
  if (!isSameOriginPost(request.headers)) return forbiddenPage("Cette demande ne vient pas de l'espace CNDP.");
  // The body's policy (bounded, a form's type, no control character) before anything else looks at it.
  const read = await readForm(request);
  if (!read.ok) return formRefusedResponse("fr", read.status, "/staff");
  const staff = await currentStaff();
  if (!staff) return new NextResponse(null, { status: 303, headers: { Location: "/staff/sign-in" } });
  const data = read.params;
  const form: Form = { get: (name) => data.get(name) ?? "", all: (name) => data.getAll(name) };
  const back = safeBackPath(form.get("back"), "/staff", "/staff");
  const confirmation = Object.hasOwn(CONFIRMATIONS, action) ? CONFIRMATIONS[action] : undefined;
  if (confirmation && confirmation.needed(form) && form.get("confirm") !== "yes") {
    if (confirmation.role === "admin" && staff.role !== "admin")
      return forbiddenPage("Votre rôle ne permet pas cette action.");
    const response = new NextResponse(null, { status: 303, headers: { Location: "/staff/confirm" } });
    askConfirmation(response, {
      action,
      fields: Object.fromEntries(confirmation.fields.map((name) => [name, form.get(name)])),
    });
    return response;
  }
  try {
    const outcome = await run({ kind: "staff", id: staff.id, email: staff.email }, form);
    return redirectWith(
      back,
      typeof outcome === "string" ? { kind: "ok", message: outcome } : { kind: "ok", ...outcome },
    );
  } catch (error) {
    if (error instanceof DomainError && error.status === 403)
      return forbiddenPage(error.key ? staffErrorMessage(error) : "Votre rôle ne permet pas cette action.");
    if (error instanceof DomainError)
      return redirectWith(back, {
        kind: "error",
        message: staffErrorMessage(error),
        form: { action, values: keptValues(action, read.values), errors: staffFieldErrors(error) },
      });
    throw error;
  }
}
