import "server-only";
import { z } from "zod";
import { assertActorMay } from "@/lib/auth/assert-actor-may";
import { writeAudit, type Actor } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";
import { conflict, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";

// The workflow: new → reviewing → forwarded (to the sender/provider) or closed; forwarded → closed.
const NEXT: Record<string, string[]> = {
  new: ["reviewing", "closed"],
  reviewing: ["forwarded", "closed"],
  forwarded: ["closed", "reviewing"],
  closed: ["reviewing"],
};

const statusSchema = z.object({
  id: z.string().max(40),
  status: z.enum(["new", "reviewing", "forwarded", "closed"]),
  note: z.string().trim().max(4000).optional(),
});
const noteSchema = z.object({ id: z.string().max(40), note: z.string().trim().min(1, "must not be empty").max(4000) });

/** Analysts handle complaints: a status change (with an optional note) is audited in the same transaction. */
export async function changeComplaintStatus(actor: Actor, input: unknown) {
  await assertActorMay(actor, "analyst");
  const data = parseInput(statusSchema, input);
  return db().$transaction(async (tx) => {
    const complaint = await tx.complaint.findUnique({ where: { id: data.id } });
    if (!complaint)
      throw notFound(`no complaint ${data.id}`, { id: "complaints.no-complaint", values: { id: data.id } });
    if (!NEXT[complaint.status]?.includes(data.status))
      throw conflict(`a ${complaint.status} complaint cannot become ${data.status}`, {
        id: "complaints.bad-transition",
        values: { from: complaint.status, to: data.status },
      });
    await tx.complaint.update({ where: { id: complaint.id }, data: { status: data.status } });
    if (data.note && actor.kind === "staff")
      await tx.complaintNote.create({ data: { complaintId: complaint.id, authorId: actor.id, body: data.note } });
    await writeAudit(tx, actor, {
      action: "complaint.status",
      targetType: "complaint",
      targetId: complaint.id,
      before: { status: complaint.status },
      after: { status: data.status },
    });
  });
}

export async function addComplaintNote(actor: Actor, input: unknown) {
  await assertActorMay(actor, "analyst");
  const data = parseInput(noteSchema, input);
  if (actor.kind !== "staff") throw conflict("notes are written by staff members", { id: "complaints.staff-only" });
  return db().$transaction(async (tx) => {
    const complaint = await tx.complaint.findUnique({ where: { id: data.id } });
    if (!complaint)
      throw notFound(`no complaint ${data.id}`, { id: "complaints.no-complaint", values: { id: data.id } });
    await tx.complaintNote.create({ data: { complaintId: complaint.id, authorId: actor.id, body: data.note } });
    await writeAudit(tx, actor, { action: "complaint.note", targetType: "complaint", targetId: complaint.id });
  });
}

export function nextStatuses(status: string): string[] {
  return NEXT[status] ?? [];
}
