import "server-only";
import { db } from "@/lib/db/client";
import { hashPassword, verifyPassword } from "./password";
import { verifyTotp } from "./totp";

export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;

export type SignInFailure = "invalid" | "locked" | "totp-required" | "totp-invalid";
export type SignInResult = { ok: true; user: { id: number; email: string; role: "admin" | "analyst"; name: string | null } } | { ok: false; reason: SignInFailure };

let dummyHash: Promise<string> | undefined;

/**
 * Checks a staff member's email, password and (when enrolled) TOTP code. Five failures in a row lock the
 * account for 15 minutes; a locked account is refused without even checking the password. Unknown
 * emails cost the same argon2 work as known ones, so timing does not reveal who has an account.
 */
export async function verifyCredentials(input: { email: string; password: string; code?: string }): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const user = email ? await db().staffUser.findUnique({ where: { email } }) : null;
  if (!user || user.disabledAt) {
    dummyHash ??= hashPassword("timing-equaliser-not-a-password");
    await verifyPassword(await dummyHash, input.password);
    return { ok: false, reason: "invalid" };
  }
  const now = new Date();
  if (user.lockedUntil && user.lockedUntil > now) return { ok: false, reason: "locked" };

  const passwordOk = await verifyPassword(user.passwordHash, input.password);
  let failure: SignInFailure | null = passwordOk ? null : "invalid";
  if (!failure && user.totpEnabledAt && user.totpSecret) {
    if (!input.code) return { ok: false, reason: "totp-required" }; // not a failure: the form asks for the code
    if (!verifyTotp(user.totpSecret, user.email, input.code.trim())) failure = "totp-invalid";
  }

  return db().$transaction(async (tx) => {
    if (failure) {
      const failures = user.failedLogins + 1;
      const lock = failures >= MAX_FAILED_SIGN_INS;
      await tx.staffUser.update({
        where: { id: user.id },
        data: { failedLogins: lock ? 0 : failures, lockedUntil: lock ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : user.lockedUntil },
      });
      await tx.auditLog.create({ data: { actorId: user.id, actorLabel: user.email, action: lock ? "staff.locked" : "staff.signin.failed", targetType: "staff-user", targetId: user.email, after: { reason: failure } } });
      return { ok: false as const, reason: lock ? ("locked" as const) : failure };
    }
    await tx.staffUser.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null, lastLoginAt: now } });
    await tx.auditLog.create({ data: { actorId: user.id, actorLabel: user.email, action: "staff.signin", targetType: "staff-user", targetId: user.email } });
    return { ok: true as const, user: { id: user.id, email: user.email, role: user.role, name: user.name } };
  });
}
