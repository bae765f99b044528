import { NextResponse, type NextRequest } from "next/server";
import { signOut } from "@/lib/auth/auth";
import { endStaffSessions } from "@/lib/auth/require-staff";
import { staffForbiddenDocument } from "@/components/staff/forbidden-document";
import { documentResponse } from "@/lib/web/html/document-response";
import { readForm } from "@/lib/web/read-form";
import { isSameOriginPost } from "@/lib/web/same-origin";

const forbiddenResponse = (message: string) => documentResponse(staffForbiddenDocument(message), { status: 403 });

export async function POST(request: NextRequest) {
  if (!isSameOriginPost(request.headers)) return forbiddenResponse("Cette demande ne vient pas de l'espace CNDP.");
  // The form is empty, but its body is read like every form's: bounded, a form's type, no control character.
  const form = await readForm(request);
  if (!form.ok) return new NextResponse(null, { status: form.status });
  await endStaffSessions();
  await signOut({ redirect: false });
  return new NextResponse(null, { status: 303, headers: { Location: "/staff/sign-in?signedOut=1" } });
}
