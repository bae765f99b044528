import "server-only";
import type { Actor } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { adminTotpRequired, isAdminTotpRequired } from "./admin-totp-policy";

export type StaffRole = "admin" | "analyst";

export const unauthenticated = () => new DomainError("unauthenticated", "sign in first", 401);
export const notAllowed = () => new DomainError("forbidden", "your role does not allow this", 403);

/**
 * The role check inside lib functions, whatever the page or route already checked. Re-reads the staff
 * member (a role change or suspension applies at once). A CLI operator has the database itself, hence
 * every right.
 */
export async function assertActorMay(actor: Actor, role: StaffRole): Promise<void> {
  if (actor.kind === "cli") return;
  const user = await db().staffUser.findUnique({ where: { id: actor.id } });
  if (!user || user.disabledAt) throw unauthenticated();
  await assertRole({ role: user.role, hasSecondFactor: Boolean(user.totpEnabledAt) }, role);
}

/**
 * The one role check, for a signed-in member (require-staff.ts) and an actor (above): an admin's rights need
 * the admin role, and a second factor when an administrator requires one (admin-totp-policy.ts).
 */
export async function assertRole(member: { role: StaffRole; hasSecondFactor: boolean }, role: StaffRole) {
  if (role !== "admin") return;
  if (member.role !== "admin") throw notAllowed();
  if (!member.hasSecondFactor && (await isAdminTotpRequired())) throw adminTotpRequired();
}
