import "server-only";
import { writeAudit, type Actor } from "@/lib/audit/write-audit";
import { assertActorMay } from "@/lib/auth/assert-actor-may";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { conflict } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { createListSourceSchema } from "./schemas";

/** Registers an origin of numbers (a list broker or a partner), audited. */
export async function createListSource(actor: Actor, input: unknown) {
  await assertActorMay(actor, "admin");
  const data = parseInput(createListSourceSchema, input);
  try {
    return await db().$transaction(async (tx) => {
      const source = await tx.listSource.create({ data });
      await writeAudit(tx, actor, {
        action: "source.create",
        targetType: "source",
        targetId: source.code,
        after: data,
      });
      return source;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict(`a list source with code ${data.code} already exists`, {
        id: "sources.exists",
        values: { code: data.code },
      });
    throw error;
  }
}
