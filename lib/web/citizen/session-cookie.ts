import "server-only";
import type { NextRequest } from "next/server";
import { db } from "@/lib/db/client";
import { appendCookie } from "@/lib/web/set-cookie";
import { env } from "@/lib/env";
import {
  createNumberSession,
  NUMBER_SESSION_COOKIE,
  readNumberSession,
  type NumberSession,
} from "@/lib/verification/number-session";

const secure = () => env().STOPSMS_PUBLIC_URL.startsWith("https:");

export function setNumberSessionCookie(response: Response, phone: string): void {
  const { value, maxAgeSeconds } = createNumberSession(phone);
  appendCookie(response, NUMBER_SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: "lax",
    secure: secure(),
    path: "/",
    maxAge: maxAgeSeconds,
  });
}

export function clearNumberSessionCookie(response: Response): void {
  appendCookie(response, NUMBER_SESSION_COOKIE, "", {
    httpOnly: true,
    sameSite: "lax",
    secure: secure(),
    path: "/",
    maxAge: 0,
  });
}

/** The request's "my number" session: signed, unexpired, and not ended by its holder. */
export async function numberSessionOf(request: NextRequest): Promise<NumberSession | null> {
  const session = readNumberSession(request.cookies.get(NUMBER_SESSION_COOKIE)?.value);
  if (!session) return null;
  const revoked = await db().numberSessionRevocation.findUnique({ where: { id: session.id }, select: { id: true } });
  return revoked ? null : session;
}

/** Signing out ends the session on the server too: a copy of the cookie is refused from now on. */
export async function revokeNumberSession(request: NextRequest): Promise<void> {
  const session = readNumberSession(request.cookies.get(NUMBER_SESSION_COOKIE)?.value);
  if (!session) return;
  await db().$transaction([
    db().numberSessionRevocation.deleteMany({ where: { expiresAt: { lt: new Date() } } }),
    db().numberSessionRevocation.upsert({
      where: { id: session.id },
      create: { id: session.id, expiresAt: session.expiresAt },
      update: {},
    }),
  ]);
}
