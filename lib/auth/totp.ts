import "server-only";
import { Secret, TOTP } from "otpauth";

// RFC 6238, 30 s steps, 6 digits, SHA-1: what every authenticator app supports.
function totpFor(secretBase32: string, email: string): TOTP {
  return new TOTP({ issuer: "StopSMS CNDP", label: email, algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secretBase32) });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secretBase32: string, email: string): string {
  return totpFor(secretBase32, email).toString();
}

/** Accepts the previous, current and next 30 s window (clock drift of phones). */
export function verifyTotp(secretBase32: string, email: string, code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  return totpFor(secretBase32, email).validate({ token: code, window: 1 }) !== null;
}

export function currentTotp(secretBase32: string, email: string): string {
  return totpFor(secretBase32, email).generate();
}
