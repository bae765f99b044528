import "server-only";
import { db } from "@/lib/db/client";
import { problems } from "@/lib/problems";
import { complaintVisibleTo } from "./list-provider-complaints";

/**
 * POST /complaints/<id>/response: the provider's answer, signed by its key, added to the complaint's answers
 * (each provider has its own; a later answer from the same provider is added to its history, never
 * overwriting another's). It is late when given after `respond_by`. The complaint's summary (response_*,
 * what the deadline job and the compliance figures read) follows the responsible provider: the link's, or
 * for a complaint without a link the first that answered. A complaint the provider may not see is a 404.
 */
export async function respondToComplaint(
  caller: { providerId: number; keyid: string },
  id: string,
  answer: { action: "suppressed" | "disputed" | "investigating"; text: string },
  now = new Date(),
): Promise<{ id: string; responded_at: string; late: boolean }> {
  if (!(await complaintVisibleTo(caller.providerId, id)))
    throw problems.notFound("no such complaint for this provider");
  return db().$transaction(async (tx) => {
    const [complaint] = await tx.$queryRaw<{ respond_by: Date | null }[]>`
      SELECT respond_by FROM complaints WHERE id = ${id} FOR UPDATE`;
    const late = complaint!.respond_by !== null && now > complaint!.respond_by;
    await tx.complaintAnswer.create({
      data: {
        complaintId: id,
        providerId: caller.providerId,
        keyid: caller.keyid,
        action: answer.action,
        text: answer.text,
        answeredAt: now,
        late,
      },
    });
    await tx.$executeRaw`
      UPDATE complaints SET response_action = ${answer.action}, response_text = ${answer.text}, responded_at = ${now},
             response_keyid = ${caller.keyid}, response_provider_id = ${caller.providerId}
      WHERE id = ${id} AND (provider_id = ${caller.providerId}
        OR (provider_id IS NULL AND (response_provider_id IS NULL OR response_provider_id = ${caller.providerId})))`;
    return { id, responded_at: now.toISOString(), late };
  });
}
