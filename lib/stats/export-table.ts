import "server-only";
import { listComplaints } from "@/lib/complaints/list-complaints";
import type { DateRange } from "./date-range";
import { getDashboardTable } from "./get-dashboard";
import { toCsv } from "./to-csv";

export const EXPORTABLE = ["daily", "senders", "compliance", "complaints"] as const;
export type ExportableTable = (typeof EXPORTABLE)[number];

/** The dashboard's tables as CSV, for the same range (each source function checks the staff role). */
export async function exportTable(table: ExportableTable, range: DateRange): Promise<string> {
  if (table === "complaints") {
    const { rows: complaints } = await listComplaints({ from: range.from, to: range.to, take: 100_000 });
    return toCsv(
      ["id", "status", "reason", "sender_seen", "sender_code", "received_at", "created_at"],
      complaints.map((c) => [
        c.id,
        c.status,
        c.reason,
        c.senderSeen,
        c.sender?.code,
        c.receivedAt.toISOString(),
        c.createdAt.toISOString(),
      ]),
    );
  }
  if (table === "daily") {
    const daily = await getDashboardTable("daily", range);
    return toCsv(
      ["day", "added_all", "added_sender", "withdrawn"],
      daily.map((d) => [d.day, d.all, d.sender, d.withdrawn]),
    );
  }
  if (table === "senders") {
    const senders = await getDashboardTable("senders", range);
    return toCsv(
      ["sender", "name", "added", "in_force", "links_minted", "per_1000_links"],
      senders.map((s) => [s.code, s.name, s.added, s.inForce, s.minted, s.perThousandLinks]),
    );
  }
  const compliance = await getDashboardTable("compliance", range);
  return toCsv(
    [
      "provider",
      "name",
      "status",
      "last_pull_at",
      "seq_reached",
      "lag_hours",
      "late",
      "acked_seq",
      "ack_lag_hours",
      "ack_late",
      "calls_in_period",
      "violations_30d",
      "flagged",
      "answers_missing",
      "answers_late",
    ],
    compliance.map((p) => [
      p.slug,
      p.name,
      p.status,
      p.lastPullAt?.toISOString(),
      p.seqReached,
      p.lagHours,
      p.late ? "yes" : "no",
      p.ackedSeq,
      p.ackLagHours,
      p.ackLate ? "yes" : "no",
      p.pullsInPeriod,
      p.violations30d,
      p.flagged ? "yes" : "no",
      p.answersMissing,
      p.answersLate,
    ]),
  );
}
