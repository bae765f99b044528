import "server-only";
import { actorLabel, writeAudit, type Actor } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";
import { DomainError, invalidInput } from "@/lib/errors";

// "Administrators must use a second factor": set by an administrator who has one (so that the rule cannot
// be switched on by someone it would lock out), audited. While it holds, an administrator without a second
// factor keeps an analyst's rights only: every admin check (require-staff.ts, assert-actor-may.ts) refuses.
const KEY = "require_admin_totp";

export const adminTotpRequired = () =>
  new DomainError("forbidden", "administrators must enrol a second factor first", 403, undefined, {
    id: "auth.admin-totp-required",
  });

export async function isAdminTotpRequired(): Promise<boolean> {
  const row = await db().platformSetting.findUnique({ where: { key: KEY } });
  return row?.value === true;
}

export async function setAdminTotpRequired(actor: Actor, required: boolean): Promise<void> {
  if (actor.kind === "staff") {
    const user = await db().staffUser.findUniqueOrThrow({ where: { id: actor.id } });
    if (user.role !== "admin") throw new DomainError("forbidden", "your role does not allow this", 403);
    // Only an administrator with a second factor changes the rule (one without it cannot lift it either).
    if (!user.totpEnabledAt)
      throw invalidInput("enrol your own second factor before requiring it", undefined, {
        id: "auth.admin-totp-self-first",
      });
  }
  await db().$transaction(async (tx) => {
    const before = await tx.platformSetting.findUnique({ where: { key: KEY } });
    await tx.platformSetting.upsert({
      where: { key: KEY },
      create: { key: KEY, value: required, updatedBy: actorLabel(actor) },
      update: { value: required, updatedBy: actorLabel(actor), updatedAt: new Date() },
    });
    await writeAudit(tx, actor, {
      action: "settings.require-admin-totp",
      targetType: "setting",
      targetId: KEY,
      before: { required: before?.value === true },
      after: { required },
    });
  });
}
