import "server-only";
import { getToken } from "next-auth/jwt";
import { problems } from "@/lib/problems";
import { NUMBER_SESSION_COOKIE, readNumberSession } from "@/lib/verification/number-session";
import { cookieValue } from "@/lib/web/cookie-value";
import type { RouteEntry } from "@/lib/web/routes";

// The door's auth check, from the entry's auth kind, before the handler runs and before a body is read: a
// visitor without a session never reaches a staff or "my number" handler, so none can forget the check,
// and a stranger's body is never taken in. What the door checks is the credential itself (the staff
// session's sealed JWT, the number session's MAC and expiry); what only the database knows (a role, a
// suspension, a session ended by sign-out) is checked again by the lib function the handler calls.
// Signed API entries are checked by their handler factory (api/signed-route.ts): a refusal there is signed,
// after the signature (docs/protocol.md), and the signature covers the body's digest.

export interface AuthRefusal {
  status: 303 | 401;
  headers: Record<string, string>;
  body: string;
}

// Auth.js names its cookie __Secure-… when the site is served over HTTPS, plainly otherwise.
const STAFF_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"];

async function hasStaffSession(cookie: string): Promise<boolean> {
  const secret = process.env.AUTH_SECRET;
  if (!secret) return false;
  for (const cookieName of STAFF_COOKIES) {
    if (!cookie.includes(cookieName)) continue;
    const token = await getToken({ req: { headers: { cookie } }, secret, cookieName, salt: cookieName });
    if (token && typeof token.staffId === "number") return true;
  }
  return false;
}

const seeOther = (location: string): AuthRefusal => ({
  status: 303,
  headers: { Location: location, "Cache-Control": "no-store", "Content-Length": "0" },
  body: "",
});

/** The door's answer to a request without the credential its entry asks for, or null to go on. */
export async function refusedWithoutCredential(
  entry: RouteEntry,
  cookie: string | undefined,
): Promise<AuthRefusal | null> {
  if (entry.auth === "staff") {
    if (cookie && (await hasStaffSession(cookie))) return null;
    if (entry.renderer !== "file") return seeOther("/staff/sign-in");
    return {
      status: 401,
      headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store" },
      body: JSON.stringify(problems.signInRequired().toJSON()),
    };
  }
  if (entry.auth === "citizen-session")
    return readNumberSession(cookieValue(cookie, NUMBER_SESSION_COOKIE)) ? null : seeOther("/number");
  return null;
}
