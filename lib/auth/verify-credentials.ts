import "server-only";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { checkRateLimit, RATE_LIMITS } from "@/lib/rate-limit/check-rate-limit";
import { hashPassword, verifyPassword } from "./password";
import { acceptSecondFactor } from "./accept-second-factor";

export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;
const MAX_LOCK_MINUTES = 24 * 60;
/** The wait of each attempt past the per-account rate: slows a distributed guesser, never locks the holder. */
const ACCOUNT_SLOWDOWN_MS = 2000;
const ACCOUNT_ALERT = { limit: 1, windowMs: 10 * 60_000 };

export type SignInFailure = "invalid" | "locked" | "totp-required" | "totp-invalid";
export type SignInResult =
  | {
      ok: true;
      user: { id: number; email: string; role: "admin" | "analyst"; name: string | null; sessionVersion: number };
    }
  | { ok: false; reason: SignInFailure };

let dummyHash: Promise<string> | undefined;

/**
 * Checks a staff member's email, password and (when enrolled) TOTP code.
 *
 * Lock-out is decided before any password is checked, by one atomic statement that counts the attempt
 * for this (email, address) pair and returns the new count: of any number of parallel tries at most
 * five reach argon2, and the fifth failure locks the pair for 15 minutes, doubling at each new lock. The
 * pair, not the account, is locked so that nobody can lock an administrator out from elsewhere. Past a
 * per-account rate (all addresses together) the account only slows: each attempt waits (capped), and staff
 * are alerted once per window (audit log, server log); it is never locked as a whole, so wrong passwords
 * sent from many addresses cannot keep its holder out. An admin can clear every lock (unlockStaffAccount).
 * Unknown emails go through the same steps and the same argon2 work, so nothing tells who has an account.
 * A TOTP code is accepted once (the last accepted time step is remembered).
 */
export async function verifyCredentials(input: {
  email: string;
  password: string;
  code?: string;
  address: string;
}): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const address = input.address || "unknown";
  if (!(await checkRateLimit(RATE_LIMITS.signInPerAccount, "signin-account", email)).allowed)
    await slowDownAccount(email, address);
  const attempt = await claimAttempt(email, address);
  if (attempt.locked || attempt.failures > MAX_FAILED_SIGN_INS) return { ok: false, reason: "locked" };

  const user = email ? await db().staffUser.findUnique({ where: { email } }) : null;
  if (!user || user.disabledAt) {
    dummyHash ??= hashPassword("timing-equaliser-not-a-password");
    await verifyPassword(await dummyHash, input.password);
    return recordFailure(email, address, attempt.failures, "invalid", null);
  }
  if (!(await verifyPassword(user.passwordHash, input.password)))
    return recordFailure(email, address, attempt.failures, "invalid", user.id);
  if (user.totpEnabledAt && user.totpSecret) {
    if (!input.code) {
      await releaseAttempt(email, address); // not a failure: the form now asks for the code
      return { ok: false, reason: "totp-required" };
    }
    const accepted = await acceptSecondFactor({ ...user, totpSecret: user.totpSecret }, input.code);
    if (!accepted) return recordFailure(email, address, attempt.failures, "totp-invalid", user.id);
  }

  return db().$transaction(async (tx) => {
    await tx.signInAttempt.deleteMany({ where: { email, address } });
    await tx.staffUser.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
    await tx.auditLog.create({
      data: {
        actorId: user.id,
        actorLabel: user.email,
        action: "staff.signin",
        targetType: "staff-user",
        targetId: user.email,
      },
    });
    return {
      ok: true as const,
      user: { id: user.id, email: user.email, role: user.role, name: user.name, sessionVersion: user.sessionVersion },
    };
  });
}

/** Many attempts on one account from everywhere: a capped wait for each, and one alert per window. */
async function slowDownAccount(email: string, address: string): Promise<void> {
  if ((await checkRateLimit(ACCOUNT_ALERT, "signin-account-alert", email)).allowed) {
    logger.warn({ address }, "sign-in: many attempts on one staff account from several addresses");
    const user = await db().staffUser.findUnique({ where: { email }, select: { id: true } });
    if (user)
      await db().auditLog.create({
        data: {
          actorId: user.id,
          actorLabel: email,
          action: "staff.signin.account-throttled",
          targetType: "staff-user",
          targetId: email,
          after: { address },
        },
      });
  }
  await new Promise((resolve) => setTimeout(resolve, ACCOUNT_SLOWDOWN_MS));
}

/** Counts this attempt (unless the pair is locked) and returns the count, in one statement. */
async function claimAttempt(email: string, address: string): Promise<{ failures: number; locked: boolean }> {
  const rows = await db().$queryRaw<{ failures: number; locked: boolean }[]>`
    INSERT INTO sign_in_attempts (email, address, failures, updated_at) VALUES (${email}, ${address}, 1, now())
    ON CONFLICT (email, address) DO UPDATE SET
      failures = CASE WHEN sign_in_attempts.locked_until > now() THEN sign_in_attempts.failures ELSE sign_in_attempts.failures + 1 END,
      updated_at = now()
    RETURNING failures, coalesce(locked_until > now(), false) AS locked`;
  return rows[0]!;
}

async function releaseAttempt(email: string, address: string): Promise<void> {
  await db()
    .$executeRaw`UPDATE sign_in_attempts SET failures = greatest(failures - 1, 0) WHERE email = ${email} AND address = ${address}`;
}

/** The failure that reaches the limit locks the pair, each lock twice as long as the previous one. */
async function recordFailure(
  email: string,
  address: string,
  failures: number,
  reason: SignInFailure,
  userId: number | null,
): Promise<SignInResult> {
  const lock = failures >= MAX_FAILED_SIGN_INS;
  await db().$transaction(async (tx) => {
    if (lock) {
      await tx.$executeRaw`
        UPDATE sign_in_attempts
        SET locked_until = now() + least(${LOCK_MINUTES}::int * power(2, locks), ${MAX_LOCK_MINUTES}::int) * interval '1 minute',
            locks = locks + 1, failures = 0
        WHERE email = ${email} AND address = ${address}`;
    }
    if (userId !== null) {
      await tx.auditLog.create({
        data: {
          actorId: userId,
          actorLabel: email,
          action: lock ? "staff.locked" : "staff.signin.failed",
          targetType: "staff-user",
          targetId: email,
          after: { reason, address },
        },
      });
    }
  });
  return { ok: false, reason: lock ? "locked" : reason };
}

/** True the first time a step is presented (and later steps after it): a code seen once is spent. */
