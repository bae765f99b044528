import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { CODE_RULES } from "./rules";
import { derivedKey } from "@/lib/signing/derived-key";

// Proof that the browser's holder verified a number: `<payload>.<mac>`, base64url, in an HttpOnly,
// SameSite=Lax cookie. It names one number, an expiry and a session id (so that signing out revokes it on
// the server: session-cookie.ts); nothing else is trusted from the client.

export const NUMBER_SESSION_COOKIE = "stopsms_number";

export interface NumberSession {
  id: string;
  phone: string;
  expiresAt: Date;
}

function mac(payload: string): Buffer {
  return createHmac("sha256", derivedKey("number-session")).update(payload).digest();
}

export function createNumberSession(phone: string, now = new Date()): { value: string; maxAgeSeconds: number } {
  const maxAgeSeconds = CODE_RULES.sessionMinutes * 60;
  const session = { s: randomBytes(16).toString("base64url"), p: phone, e: now.getTime() + maxAgeSeconds * 1000 };
  const payload = Buffer.from(JSON.stringify(session)).toString("base64url");
  return { value: `${payload}.${mac(payload).toString("base64url")}`, maxAgeSeconds };
}

/** The session in a cookie value, or null when absent, altered or expired. */
export function readNumberSession(value: string | undefined, now = new Date()): NumberSession | null {
  if (!value) return null;
  const [payload, signature, ...rest] = value.split(".");
  if (!payload || !signature || rest.length > 0) return null;
  const given = Buffer.from(signature, "base64url");
  const expected = mac(payload);
  // Constant time: a MAC compared byte by byte could be forged one byte at a time.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const data = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as {
      s?: unknown;
      p?: unknown;
      e?: unknown;
    };
    if (typeof data.s !== "string" || typeof data.p !== "string" || typeof data.e !== "number") return null;
    if (data.e <= now.getTime()) return null;
    return { id: data.s, phone: data.p, expiresAt: new Date(data.e) };
  } catch {
    return null;
  }
}
