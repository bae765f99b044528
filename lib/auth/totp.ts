import "server-only";
import { Secret, TOTP } from "otpauth";

// RFC 6238, 30 s steps, 6 digits, SHA-1: what every authenticator app supports.
function totpFor(secretBase32: string, email: string): TOTP {
  return new TOTP({
    issuer: "StopSMS CNDP",
    label: email,
    algorithm: "SHA1",
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secretBase32),
  });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secretBase32: string, email: string): string {
  return totpFor(secretBase32, email).toString();
}

const PERIOD_SECONDS = 30;

/**
 * Accepts the previous, current and next 30 s window (clock drift of phones). Returns the time step the
 * code belongs to, or null: the caller makes each step usable once (see verify-credentials.ts).
 */
export function verifyTotp(secretBase32: string, email: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secretBase32, email).validate({ token: code, window: 1, timestamp: now });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
}

export function currentTotp(secretBase32: string, email: string): string {
  return totpFor(secretBase32, email).generate();
}
