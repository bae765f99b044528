import "server-only";
import { db } from "@/lib/db/client";
import type { Verdict } from "@/lib/complaints/assess-complaint";

export interface ComplaintProgress {
  verdict: Verdict | null;
  status: "new" | "reviewing" | "forwarded" | "closed";
  reportedAt: Date;
  /** Whether a provider has answered, and when the answer was due. */
  answered: boolean;
  respondBy: Date | null;
}

/**
 * What the citizen who holds a complaint's reference may follow: the verdict as recorded, where the CNDP is
 * with it, whether the provider answered. Nothing personal (no number, no text): the reference is the key.
 */
export async function followComplaint(reference: string): Promise<ComplaintProgress | null> {
  const row = await db().complaint.findUnique({
    where: { id: reference },
    select: { verdict: true, status: true, createdAt: true, respondedAt: true, respondBy: true },
  });
  if (!row) return null;
  return {
    verdict: (row.verdict as Verdict | null) ?? null,
    status: row.status,
    reportedAt: row.createdAt,
    answered: row.respondedAt !== null,
    respondBy: row.respondBy,
  };
}
