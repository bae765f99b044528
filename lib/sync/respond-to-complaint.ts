import "server-only";
import { db } from "@/lib/db/client";
import { problems } from "@/lib/http/problem";
import { complaintVisibleTo } from "./list-provider-complaints";

/**
 * POST /complaints/<id>/response: the provider's answer, signed by its key. The latest answer counts; it
 * is late when given after `respond_by`. A complaint the provider may not see is a 404, as if absent.
 */
export async function respondToComplaint(
  caller: { providerId: number; keyid: string },
  id: string,
  answer: { action: "suppressed" | "disputed" | "investigating"; text: string },
  now = new Date(),
): Promise<{ id: string; responded_at: string; late: boolean }> {
  if (!(await complaintVisibleTo(caller.providerId, id)))
    throw problems.notFound("no such complaint for this provider");
  const updated = await db().complaint.update({
    where: { id },
    data: { responseAction: answer.action, responseText: answer.text, respondedAt: now, responseKeyid: caller.keyid },
    select: { respondBy: true },
  });
  return { id, responded_at: now.toISOString(), late: updated.respondBy !== null && now > updated.respondBy };
}
