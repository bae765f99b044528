import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { DateRange } from "./date-range";
import { TZ } from "@/lib/db/time-zone-sql";

export interface ComplianceRow {
  slug: string;
  name: string;
  status: string;
  lastPullAt: Date | null;
  seqReached: number;
  lagHours: number | null;
  late: boolean;
  /** Acknowledged ("applied") position and its lag: the age of the oldest change not acknowledged. */
  ackedSeq: number;
  ackLagHours: number | null;
  ackLate: boolean;
  pullsInPeriod: number;
  /** `violation` verdicts on complaints about its links or senders in the last 30 days; flagged at STOPSMS_VIOLATION_FLAG. */
  violations30d: number;
  flagged: boolean;
  /** Complaints past `respond_by` with no answer, and answers given after it. */
  answersMissing: number;
  answersLate: number;
}

const n = (v: bigint | number | null | undefined) => Number(v ?? 0);

/**
 * Per provider: last pull, seq reached, and lag = age of the oldest change it must apply but has not fetched.
 * No role check: the open statistics publish these figures too (lib/open-data), with the same definitions.
 */
export async function readCompliance(range: DateRange): Promise<ComplianceRow[]> {
  const rows = await db().$queryRaw<
    {
      slug: string;
      name: string;
      status: string;
      last_pull_at: Date | null;
      seq_reached: bigint;
      acked_seq: bigint;
      oldest: Date | null;
      oldest_unacked: Date | null;
      pulls: bigint;
      violations: bigint;
      missing: bigint;
      late_answers: bigint;
    }[]
  >`
    SELECT p.slug, p.name, p.status::text AS status, p.last_pull_at, p.seq_reached, p.acked_seq,
           (SELECT c.at FROM opposition_changes c
             WHERE c.seq > p.seq_reached AND (c.canary_provider_id IS NULL OR c.canary_provider_id = p.id)
               AND (c.sender_id IS NULL OR c.sender_id IN (SELECT sender_id FROM provider_senders ps WHERE ps.provider_id = p.id))
             ORDER BY c.seq LIMIT 1) AS oldest,
           (SELECT c.at FROM opposition_changes c
             WHERE c.seq > p.acked_seq AND (c.canary_provider_id IS NULL OR c.canary_provider_id = p.id)
               AND (c.sender_id IS NULL OR c.sender_id IN (SELECT sender_id FROM provider_senders ps WHERE ps.provider_id = p.id))
             ORDER BY c.seq LIMIT 1) AS oldest_unacked,
           (SELECT count(*) FROM complaints k WHERE k.verdict = 'violation' AND k.created_at >= now() - interval '30 days'
             AND (k.provider_id = p.id OR (k.provider_id IS NULL AND k.sender_id IN (SELECT sender_id FROM provider_senders ps WHERE ps.provider_id = p.id)))) AS violations,
           (SELECT count(*) FROM complaints k WHERE k.responded_at IS NULL AND k.respond_by < now()
             AND (k.provider_id = p.id OR k.sender_id IN (SELECT sender_id FROM provider_senders ps WHERE ps.provider_id = p.id))) AS missing,
           (SELECT count(*) FROM complaints k WHERE k.responded_at > k.respond_by
             AND (k.provider_id = p.id OR k.sender_id IN (SELECT sender_id FROM provider_senders ps WHERE ps.provider_id = p.id))) AS late_answers,
           (SELECT count(*) FROM access_logs a WHERE a.provider_id = p.id
             AND a.at >= (${range.from}::date::timestamp AT TIME ZONE ${TZ})
             AND a.at < ((${range.to}::date + 1)::timestamp AT TIME ZONE ${TZ})) AS pulls
    FROM providers p ORDER BY p.slug`;
  const { STOPSMS_MAX_LAG_HOURS: maxLag, STOPSMS_VIOLATION_FLAG: flagAt } = env();
  const now = Date.now();
  const hoursSince = (at: Date | null) => (at ? Math.round(((now - at.getTime()) / 3_600_000) * 10) / 10 : null);
  return rows.map((r) => {
    const lagHours = hoursSince(r.oldest);
    const ackLagHours = hoursSince(r.oldest_unacked);
    return {
      slug: r.slug,
      name: r.name,
      status: r.status,
      lastPullAt: r.last_pull_at,
      seqReached: n(r.seq_reached),
      lagHours,
      late: r.status === "active" && lagHours !== null && lagHours > maxLag,
      ackedSeq: n(r.acked_seq),
      ackLagHours,
      ackLate: r.status === "active" && ackLagHours !== null && ackLagHours > maxLag,
      pullsInPeriod: n(r.pulls),
      violations30d: n(r.violations),
      flagged: n(r.violations) >= flagAt,
      answersMissing: n(r.missing),
      answersLate: n(r.late_answers),
    };
  });
}
