import { NextResponse, type NextRequest } from "next/server";
import { currentStaff } from "@/lib/auth/require-staff";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { phoneForLookup } from "@/lib/numbers/look-up-number";
import { formRefusedResponse } from "@/lib/web/guard-citizen-post";
import { readForm } from "@/lib/web/read-form";
import { isSameOriginPost } from "@/lib/web/same-origin";
import { setStaffFlash } from "@/lib/web/staff-flash";
import { clearLookup, setLookup } from "@/lib/web/staff-lookup";

const toLookup = () => new NextResponse(null, { status: 303, headers: { Location: "/staff/lookup" } });

// The number typed by staff, carried to the lookup page in a cookie (staff-lookup.ts); "clear" forgets it.
export async function POST(request: NextRequest) {
  if (!isSameOriginPost(request.headers)) return new NextResponse(null, { status: 403 });
  const read = await readForm(request);
  if (!read.ok) return formRefusedResponse("fr", read.status, "/staff/lookup");
  if (!(await currentStaff())) return new NextResponse(null, { status: 303, headers: { Location: "/staff/sign-in" } });
  const response = toLookup();
  if (read.values.clear) {
    clearLookup(response);
    return response;
  }
  try {
    setLookup(response, phoneForLookup(read.values.phone ?? "", env().STOPSMS_DEFAULT_REGION));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    clearLookup(response);
    setStaffFlash(response, { kind: "error", message: "Ce numéro n'est pas valide : vérifiez-le et recommencez." });
  }
  return response;
}
