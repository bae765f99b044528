import { AuthError, CredentialsSignin } from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { signIn } from "@/lib/auth/auth";
import { clientIp } from "@/lib/web/client-ip";
import { clearFlash, setFlash } from "@/lib/web/form-flash";
import { formRefusedResponse, guardCitizenPost } from "@/lib/web/guard-citizen-post";
import { readForm } from "@/lib/web/read-form";

// Plain form post (PRG): rate-limited per address (429 + Retry-After), then Auth.js credentials sign-in.
export async function POST(request: NextRequest) {
  const refused = await guardCitizenPost(request, "fr");
  if (refused) return refused;
  const form = await readForm(request);
  if (!form.ok) return formRefusedResponse("fr", form.status, "/staff/sign-in");
  const field = (name: string) => form.values[name] ?? "";
  try {
    await signIn("credentials", {
      email: field("email"),
      password: field("password"),
      code: field("code"),
      address: clientIp(request.headers),
      redirect: false,
    });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    const reason = error instanceof CredentialsSignin ? error.code : "invalid";
    const response = new NextResponse(null, { status: 303, headers: { Location: "/staff/sign-in" } });
    setFlash(response, "signin", {
      email: field("email").slice(0, 200),
      reason,
      askCode: reason === "totp-required" || reason === "totp-invalid",
    });
    return response;
  }
  const response = new NextResponse(null, { status: 303, headers: { Location: "/staff" } });
  clearFlash(response, "signin");
  return response;
}
