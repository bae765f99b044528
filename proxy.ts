import { NextResponse, type NextRequest } from "next/server";
import { commonSecurityHeaders, pageCsp } from "@/lib/web/security-headers";
import { setsItsOwnPolicy } from "@/lib/web/door";
import { STAFF_FLASH_COOKIE, STAFF_FLASH_HEADER, takeStaffFlash } from "@/lib/web/staff-flash";

// Security headers, and the staff flash message handed to the one page that shows it. Authorization is never
// decided here: the front door (lib/web/front-door.ts) refuses a request without the session its route asks
// for, and the staff layout, the action routes and every lib function check the role themselves.
export function proxy(request: NextRequest) {
  const production = process.env.NODE_ENV === "production";
  // The landing page and the light citizen pages set their own, stricter policy (they have no script at all).
  const { pathname } = request.nextUrl;
  if (setsItsOwnPolicy(pathname)) return NextResponse.next();
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = pageCsp(nonce, !production);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  requestHeaders.delete(STAFF_FLASH_HEADER);
  const flash = takeStaffFlash(request);
  if (flash) requestHeaders.set(STAFF_FLASH_HEADER, flash);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  if (flash)
    response.cookies.set(STAFF_FLASH_COOKIE, "", { httpOnly: true, sameSite: "lax", path: "/staff", maxAge: 0 });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(commonSecurityHeaders(production))) response.headers.set(name, value);
  return response;
}

export const config = {
  // Pages (prefetches included: their answers carry the same policy) and Auth.js's own endpoints; not the
  // provider API (signed JSON), the JWKS, static files or image optimisation.
  // Never a request with a body: Next clones the body of every request the proxy runs for into memory (up to
  // 10 MB) and hands the route a truncated copy past that. Form posts answer a 303 or a page with its own
  // headers, and their body is read bounded by lib/web/read-form.ts.
  matcher: [
    {
      source: "/((?!api/(?!auth/)|\\.well-known/|_next/static|_next/image|favicon\\.ico).*)",
      missing: [
        { type: "header", key: "content-length" },
        { type: "header", key: "transfer-encoding" },
      ],
    },
  ],
};
