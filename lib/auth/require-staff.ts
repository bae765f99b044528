import "server-only";
import { cache } from "react";
import type { Actor } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";
import { assertRole, unauthenticated, type StaffRole } from "./assert-actor-may";
import { auth } from "./auth";

export type { StaffRole };

export interface StaffMember {
  id: number;
  email: string;
  name: string | null;
  role: StaffRole;
  totpEnabled: boolean;
}

/**
 * The signed-in staff member, re-read from the database (role, suspension), or null. A session issued
 * before the member's last sign-out carries an older version and is refused: a JWT cannot be recalled,
 * so the version is what ends it.
 */
// Read once per request (React cache): the layout, the page and its lib calls all ask.
export const currentStaff = cache(async function currentStaff(): Promise<StaffMember | null> {
  const session = await auth();
  if (!session?.staffId) return null;
  const user = await db().staffUser.findUnique({ where: { id: session.staffId } });
  if (!user || user.disabledAt || user.sessionVersion !== session.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, totpEnabled: Boolean(user.totpEnabledAt) };
});

/**
 * Every staff lib function and action calls this itself, whatever the page already checked: an
 * analyst reads and handles complaints; only an admin changes the registry.
 */
/** Ends every session of the signed-in member (this one and any copy of its cookie). */
export async function endStaffSessions(): Promise<void> {
  const staff = await currentStaff();
  if (staff) await db().staffUser.update({ where: { id: staff.id }, data: { sessionVersion: { increment: 1 } } });
}

export async function requireStaff(role: StaffRole = "analyst"): Promise<StaffMember & { actor: Actor }> {
  const staff = await currentStaff();
  if (!staff) throw unauthenticated();
  await assertRole({ role: staff.role, hasSecondFactor: staff.totpEnabled }, role);
  return { ...staff, actor: { kind: "staff", id: staff.id, email: staff.email } };
}
