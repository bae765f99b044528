import "server-only";
import { z } from "zod";
import { assertActorMay } from "@/lib/auth/assert-actor-may";
import { writeAudit, type Actor } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { displayNameSchema, slugSchema } from "./schemas";

const updateSchema = z.object({
  slug: slugSchema,
  name: displayNameSchema,
  contact: z.string().trim().max(200).optional(),
  status: z.enum(["active", "suspended"]),
});

/** Edits a provider; suspending one makes every request it signs answer 403 at once. */
export async function updateProvider(actor: Actor, input: unknown) {
  await assertActorMay(actor, "admin");
  const data = parseInput(updateSchema, input);
  return db().$transaction(async (tx) => {
    const before = await tx.provider.findUnique({ where: { slug: data.slug } });
    if (!before)
      throw notFound(`no provider ${data.slug}`, { id: "providers.no-provider", values: { slug: data.slug } });
    const after = await tx.provider.update({
      where: { id: before.id },
      data: { name: data.name, contact: data.contact || null, status: data.status },
    });
    const action =
      before.status !== after.status
        ? `provider.${after.status === "suspended" ? "suspend" : "reactivate"}`
        : "provider.update";
    await writeAudit(tx, actor, {
      action,
      targetType: "provider",
      targetId: data.slug,
      before: { name: before.name, contact: before.contact, status: before.status },
      after: { name: after.name, contact: after.contact, status: after.status },
    });
    return after;
  });
}
