import "server-only";
import QRCode from "qrcode";
import { z } from "zod";
import { writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";
import { invalidInput } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { requireStaff } from "./require-staff";
import { claimTotpStep } from "./claim-totp-step";
import { newTotpSecret, totpUri, verifyTotp } from "./totp";

const codeSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "6 digits"),
});

/** Starts (or restarts) enrolment: a fresh secret, shown once as a QR code, not active until confirmed. */
export async function startTotpEnrolment(): Promise<{ qrDataUrl: string; secret: string }> {
  const staff = await requireStaff("analyst");
  const secret = newTotpSecret();
  await db().staffUser.update({ where: { id: staff.id }, data: { totpSecret: secret, totpEnabledAt: null } });
  return { secret, qrDataUrl: await QRCode.toDataURL(totpUri(secret, staff.email)) };
}

export async function confirmTotpEnrolment(input: unknown): Promise<void> {
  const staff = await requireStaff("analyst");
  const { code } = parseInput(codeSchema, input);
  const user = await db().staffUser.findUniqueOrThrow({ where: { id: staff.id } });
  const step = user.totpSecret ? verifyTotp(user.totpSecret, user.email, code) : null;
  if (step === null || !(await claimTotpStep(user.id, step)))
    throw invalidInput("the code does not match: check your phone's clock and try the next code", undefined, {
      id: "auth.totp-clock",
    });
  await db().$transaction(async (tx) => {
    await tx.staffUser.update({ where: { id: staff.id }, data: { totpEnabledAt: new Date() } });
    await writeAudit(tx, staff.actor, { action: "staff.totp.enable", targetType: "staff-user", targetId: staff.email });
  });
}

export async function disableTotp(input: unknown): Promise<void> {
  const staff = await requireStaff("analyst");
  const { code } = parseInput(codeSchema, input);
  const user = await db().staffUser.findUniqueOrThrow({ where: { id: staff.id } });
  const step = user.totpSecret && user.totpEnabledAt ? verifyTotp(user.totpSecret, user.email, code) : null;
  if (step === null || !(await claimTotpStep(user.id, step)))
    throw invalidInput("the code does not match", undefined, { id: "auth.totp-mismatch" });
  await db().$transaction(async (tx) => {
    await tx.staffUser.update({ where: { id: staff.id }, data: { totpEnabledAt: null, totpSecret: null } });
    await writeAudit(tx, staff.actor, {
      action: "staff.totp.disable",
      targetType: "staff-user",
      targetId: staff.email,
    });
  });
}
