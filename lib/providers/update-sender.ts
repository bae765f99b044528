import "server-only";
import { z } from "zod";
import { assertActorMay } from "@/lib/auth/assert-actor-may";
import { writeAudit, type Actor } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { displayNameSchema, slugSchema } from "./schemas";
import { SECTORS } from "./sectors";

const updateSchema = z.object({
  code: slugSchema,
  name: displayNameSchema,
  smsSenderIds: z.array(z.string().trim().min(1).max(20)).max(20).default([]),
  sector: z.enum(SECTORS).optional(),
});

export async function updateSender(actor: Actor, input: unknown) {
  await assertActorMay(actor, "admin");
  const data = parseInput(updateSchema, input);
  return db().$transaction(async (tx) => {
    const before = await tx.sender.findUnique({ where: { code: data.code } });
    if (!before) throw notFound(`no sender ${data.code}`, { id: "providers.no-sender", values: { code: data.code } });
    const after = await tx.sender.update({
      where: { id: before.id },
      data: { name: data.name, smsSenderIds: data.smsSenderIds, sector: data.sector ?? before.sector },
    });
    await writeAudit(tx, actor, {
      action: "sender.update",
      targetType: "sender",
      targetId: data.code,
      before: { name: before.name, smsSenderIds: before.smsSenderIds, sector: before.sector },
      after: { name: after.name, smsSenderIds: after.smsSenderIds, sector: after.sector },
    });
    return after;
  });
}
