import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";

/**
 * Complaints whose provider has not answered by `respond_by` (docs/protocol.md 1.1): the miss is recorded
 * once, with its time, and audited; the staff queue and the provider's compliance row show it.
 */
export async function markMissedDeadlines(now = new Date()): Promise<{ missed: number }> {
  return db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; provider_id: number | null }[]>`
      UPDATE complaints SET deadline_missed_at = ${now}
      WHERE respond_by < ${now} AND responded_at IS NULL AND deadline_missed_at IS NULL
      RETURNING id, provider_id`;
    if (rows.length > 0) {
      await writeAudit(
        tx,
        { kind: "cli", label: "complaint-deadlines-job" },
        {
          action: "complaints.deadline-missed",
          targetType: "complaint",
          after: { missed: rows.length, complaints: rows.map((r) => r.id).slice(0, 1000) },
        },
      );
    }
    return { missed: rows.length };
  });
}
