import { NextResponse, type NextRequest } from "next/server";
import { signOut } from "@/lib/auth/auth";
import { endStaffSessions } from "@/lib/auth/require-staff";
import { staffForbiddenResponse } from "@/lib/html/render-staff-forbidden";
import { isSameOriginPost } from "@/lib/http/same-origin";

export async function POST(request: NextRequest) {
  if (!isSameOriginPost(request.headers)) return staffForbiddenResponse("Cette demande ne vient pas de l'espace CNDP.");
  await endStaffSessions();
  await signOut({ redirect: false });
  return new NextResponse(null, { status: 303, headers: { Location: "/staff/sign-in?signedOut=1" } });
}
