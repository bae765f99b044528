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
  if (role === "admin" && user.role !== "admin") throw notAllowed();
  if (role === "admin" && !user.totpEnabledAt && (await isAdminTotpRequired())) throw adminTotpRequired();
}
