import "server-only";
import { db } from "@/lib/db/client";

/**
 * A TOTP code is accepted once: its time step must be later than the last one accepted for this account,
 * claimed in one statement (two parallel uses of one code: one wins). Everywhere a code is checked — sign-in,
 * enrolment, disabling — so a code seen over a shoulder or in a proxy's log is worth nothing.
 */
export async function claimTotpStep(userId: number, step: number): Promise<boolean> {
  const claimed = await db().$executeRaw`
    UPDATE staff_users SET totp_last_step = ${step} WHERE id = ${userId} AND (totp_last_step IS NULL OR totp_last_step < ${step})`;
  return claimed === 1;
}
