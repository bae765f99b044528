import "server-only";
import { z } from "zod";
import { writeAudit, type Actor } from "@/lib/audit/write-audit";
import { assertActorMay } from "@/lib/auth/assert-actor-may";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { conflict } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { hashPassword, MIN_PASSWORD_LENGTH } from "./password";

const staffSchema = z.object({
  email: z.email().trim().toLowerCase(),
  name: z.string().trim().max(200).optional(),
  role: z.enum(["admin", "analyst"]),
  password: z.string().min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`).max(1024),
});

export async function createStaffUser(actor: Actor, input: unknown) {
  await assertActorMay(actor, "admin");
  const data = parseInput(staffSchema, input);
  const passwordHash = await hashPassword(data.password);
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.staffUser.create({
        data: { email: data.email, name: data.name, role: data.role, passwordHash },
      });
      await writeAudit(tx, actor, {
        action: "staff.create",
        targetType: "staff-user",
        targetId: user.email,
        after: { role: user.role },
      });
      return { id: user.id, email: user.email, role: user.role };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict(`a staff user ${data.email} already exists`, {
        id: "auth.staff-exists",
        values: { email: data.email },
      });
    throw error;
  }
}
