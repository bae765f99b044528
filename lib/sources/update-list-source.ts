import "server-only";
import { writeAudit, type Actor } from "@/lib/audit/write-audit";
import { assertActorMay } from "@/lib/auth/assert-actor-may";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { listSourceCodeSchema, updateListSourceSchema } from "./schemas";

const noSource = (code: string) => notFound(`no list source ${code}`, { id: "sources.none", values: { code } });

/** Edits a source's name, kind, registration and contact; the code never changes (feeds carry it). */
export async function updateListSource(actor: Actor, input: unknown) {
  await assertActorMay(actor, "admin");
  const data = parseInput(updateListSourceSchema, input);
  return db().$transaction(async (tx) => {
    const before = await tx.listSource.findUnique({ where: { code: data.code } });
    if (!before) throw noSource(data.code);
    const fields = {
      name: data.name,
      kind: data.kind,
      registration: data.registration || null,
      contact: data.contact || null,
    };
    const after = await tx.listSource.update({ where: { id: before.id }, data: fields });
    await writeAudit(tx, actor, {
      action: "source.update",
      targetType: "source",
      targetId: data.code,
      before: { name: before.name, kind: before.kind, registration: before.registration, contact: before.contact },
      after: fields,
    });
    return after;
  });
}

/**
 * Suspends a source (no new campaign may declare it: 422 unknown-source) or lifts the suspension. Campaigns
 * already declared keep their declaration, and refusals of the source stay in force either way.
 */
export async function setListSourceSuspended(actor: Actor, codeInput: unknown, suspended: boolean) {
  await assertActorMay(actor, "admin");
  const code = parseInput(listSourceCodeSchema, codeInput);
  return db().$transaction(async (tx) => {
    const before = await tx.listSource.findUnique({ where: { code } });
    if (!before) throw noSource(code);
    const after = await tx.listSource.update({
      where: { id: before.id },
      data: { suspendedAt: suspended ? (before.suspendedAt ?? new Date()) : null },
    });
    await writeAudit(tx, actor, {
      action: suspended ? "source.suspend" : "source.resume",
      targetType: "source",
      targetId: code,
      before: { suspendedAt: before.suspendedAt },
      after: { suspendedAt: after.suspendedAt },
    });
    return after;
  });
}
