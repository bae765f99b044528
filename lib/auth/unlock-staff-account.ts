import "server-only";
import { writeAudit, type Actor } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { assertActorMay } from "./assert-actor-may";

/** An admin clears every sign-in lock of a staff account (all addresses), audited. */
export async function unlockStaffAccount(actor: Actor, email: string): Promise<{ cleared: number }> {
  await assertActorMay(actor, "admin");
  const address = email.trim().toLowerCase();
  return db().$transaction(async (tx) => {
    const user = await tx.staffUser.findUnique({ where: { email: address }, select: { id: true } });
    if (!user) throw notFound(`no staff account ${address}`);
    const { count } = await tx.signInAttempt.deleteMany({ where: { email: address } });
    await writeAudit(tx, actor, {
      action: "staff.unlock",
      targetType: "staff-user",
      targetId: address,
      after: { cleared: count },
    });
    return { cleared: count };
  });
}
