import "server-only";
import type { NextRequest } from "next/server";
import { appendCookie } from "@/lib/http/set-cookie";
import { env } from "@/lib/env";
import { createNumberSession, NUMBER_SESSION_COOKIE, readNumberSession, type NumberSession } from "./number-session";

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

export function numberSessionOf(request: NextRequest): NumberSession | null {
  return readNumberSession(request.cookies.get(NUMBER_SESSION_COOKIE)?.value);
}
