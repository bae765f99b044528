import "server-only";
import type { NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/env";
import { createNumberSession, NUMBER_SESSION_COOKIE, readNumberSession, type NumberSession } from "./number-session";

const secure = () => env().STOPSMS_PUBLIC_URL.startsWith("https:");

export function setNumberSessionCookie(response: NextResponse, phone: string): void {
  const { value, maxAgeSeconds } = createNumberSession(phone);
  response.cookies.set(NUMBER_SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: "lax",
    secure: secure(),
    path: "/",
    maxAge: maxAgeSeconds,
  });
}

export function clearNumberSessionCookie(response: NextResponse): void {
  response.cookies.set(NUMBER_SESSION_COOKIE, "", {
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
