import "server-only";
import QRCode from "qrcode";
import { z } from "zod";
import { writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";
import { invalidInput } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { requireStaff } from "./require-staff";
import { claimTotpStep } from "./claim-totp-step";
import { acceptSecondFactor } from "./accept-second-factor";
import { issueRecoveryCodes, RECOVERY_CODE } from "./recovery-codes";
import { newTotpSecret, totpUri, verifyTotp } from "./totp";

const codeSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "6 digits"),
});

/**
 * Enrolment, not active until confirmed: the pending secret as a QR code. The same secret until it is
 * confirmed (a wrong code shows the QR code already scanned again); `restart` draws a new one.
 */
export async function startTotpEnrolment(restart = false): Promise<{ qrDataUrl: string; secret: string }> {
  const staff = await requireStaff("analyst");
  const user = await db().staffUser.findUniqueOrThrow({ where: { id: staff.id } });
  if (user.totpEnabledAt) throw invalidInput("the second factor is already active");
  let secret = user.totpSecret;
  if (!secret || restart) {
    secret = newTotpSecret();
    await db().staffUser.update({ where: { id: staff.id }, data: { totpSecret: secret, totpEnabledAt: null } });
  }
  return { secret, qrDataUrl: await QRCode.toDataURL(totpUri(secret, staff.email)) };
}

/** Activates the second factor; answers the 10 recovery codes, to be shown once. */
export async function confirmTotpEnrolment(input: unknown): Promise<string[]> {
  const staff = await requireStaff("analyst");
  const { code } = parseInput(codeSchema, input);
  const user = await db().staffUser.findUniqueOrThrow({ where: { id: staff.id } });
  const step = user.totpSecret ? verifyTotp(user.totpSecret, user.email, code) : null;
  if (step === null || !(await claimTotpStep(user.id, step)))
    throw invalidInput("the code does not match: check your phone's clock and try the next code", undefined, {
      id: "auth.totp-clock",
    });
  return db().$transaction(async (tx) => {
    await tx.staffUser.update({ where: { id: staff.id }, data: { totpEnabledAt: new Date() } });
    await writeAudit(tx, staff.actor, { action: "staff.totp.enable", targetType: "staff-user", targetId: staff.email });
    return issueRecoveryCodes(tx, staff.id);
  });
}

const disableSchema = z.object({
  code: z
    .string()
    .trim()
    .refine((code) => /^\d{6}$/.test(code) || RECOVERY_CODE.test(code.toUpperCase()), "6 digits or a recovery code"),
});

/** Turns the second factor off, with a current code or a recovery code (a lost phone). */
export async function disableTotp(input: unknown): Promise<void> {
  const staff = await requireStaff("analyst");
  const { code } = parseInput(disableSchema, input);
  const user = await db().staffUser.findUniqueOrThrow({ where: { id: staff.id } });
  if (!user.totpSecret || !user.totpEnabledAt) throw invalidInput("the second factor is not active");
  const accepted = await acceptSecondFactor({ ...user, totpSecret: user.totpSecret }, code);
  if (!accepted) throw invalidInput("the code does not match", undefined, { id: "auth.totp-mismatch" });
  await db().$transaction(async (tx) => {
    await tx.staffUser.update({ where: { id: staff.id }, data: { totpEnabledAt: null, totpSecret: null } });
    await tx.staffRecoveryCode.deleteMany({ where: { staffUserId: staff.id } });
    await writeAudit(tx, staff.actor, {
      action: "staff.totp.disable",
      targetType: "staff-user",
      targetId: staff.email,
    });
  });
}
