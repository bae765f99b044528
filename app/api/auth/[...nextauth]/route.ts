import { handlers } from "@/lib/auth/auth";

// Staff sign in through /staff/sign-in/submit only: it applies the per-address rate limit and passes the
// client's address to the lock-out. Auth.js's own POST endpoints (credentials callback, sign-in, sign-out)
// would bypass both, so they are closed; the app calls Auth.js in-process, never through this route.
export const { GET } = handlers;

export function POST() {
  return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
}
