import "server-only";
import { claimTotpStep } from "./claim-totp-step";
import { spendRecoveryCode } from "./recovery-codes";
import { verifyTotp } from "./totp";

/**
 * The second factor of an enrolled member, wherever it is asked (sign-in, turning it off): a current TOTP
 * code, accepted once per time step, or one of the recovery codes (a lost phone), accepted once.
 */
export async function acceptSecondFactor(
  user: { id: number; email: string; totpSecret: string },
  code: string,
): Promise<boolean> {
  const step = verifyTotp(user.totpSecret, user.email, code.trim());
  return step !== null ? claimTotpStep(user.id, step) : spendRecoveryCode(user.id, code);
}
