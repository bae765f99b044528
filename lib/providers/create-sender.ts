import "server-only";
import { writeAudit, type Actor } from "@/lib/audit/write-audit";
import { assertActorMay } from "@/lib/auth/assert-actor-may";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { conflict } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { createSenderSchema } from "./schemas";

export async function createSender(actor: Actor, input: unknown) {
  await assertActorMay(actor, "admin");
  const data = parseInput(createSenderSchema, input);
  try {
    return await db().$transaction(async (tx) => {
      const sender = await tx.sender.create({ data });
      await writeAudit(tx, actor, {
        action: "sender.create",
        targetType: "sender",
        targetId: sender.code,
        after: data,
      });
      return sender;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict(`a sender with code ${data.code} already exists`, {
        id: "providers.sender-exists",
        values: { code: data.code },
      });
    throw error;
  }
}
