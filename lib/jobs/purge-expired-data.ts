import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

export interface PurgeCounts {
  links: number;
  accessLogs: number;
  codes: number;
  outbox: number;
  complaints: number;
}

/**
 * Retention (law 09-08: kept no longer than needed), each period configurable and stated on /legal:
 * expired StopSMS links 30 days after they expire, provider access logs after 12 months, SMS codes after
 * a day, the development outbox after 7 days, closed complaints (with their notes) 5 years after they were
 * last changed. Refusals in force are kept while in force. One transaction, counted and audited.
 */
export async function purgeExpiredData(now = new Date()): Promise<PurgeCounts> {
  const r = env();
  const days = (n: number) => new Date(now.getTime() - n * 86_400_000);
  const months = (n: number) => {
    const d = new Date(now);
    d.setMonth(d.getMonth() - n);
    return d;
  };
  return db().$transaction(async (tx) => {
    const links = await tx.$executeRaw`DELETE FROM stop_links WHERE expires_at < ${days(r.STOPSMS_RETAIN_LINKS_DAYS)}`;
    const accessLogs =
      await tx.$executeRaw`DELETE FROM access_logs WHERE at < ${months(r.STOPSMS_RETAIN_ACCESS_LOG_MONTHS)}`;
    const codes =
      await tx.$executeRaw`DELETE FROM verification_codes WHERE created_at < ${days(r.STOPSMS_RETAIN_CODES_DAYS)}`;
    const outbox =
      await tx.$executeRaw`DELETE FROM sms_outbox WHERE created_at < ${days(r.STOPSMS_RETAIN_OUTBOX_DAYS)}`;
    const oldClosed = months(12 * r.STOPSMS_RETAIN_CLOSED_COMPLAINTS_YEARS);
    await tx.$executeRaw`DELETE FROM complaint_notes WHERE complaint_id IN (SELECT id FROM complaints WHERE status = 'closed' AND updated_at < ${oldClosed})`;
    const complaints =
      await tx.$executeRaw`DELETE FROM complaints WHERE status = 'closed' AND updated_at < ${oldClosed}`;
    const counts = { links, accessLogs, codes, outbox, complaints };
    await writeAudit(
      tx,
      { kind: "cli", label: "retention-job" },
      { action: "retention.purge", targetType: "retention", after: counts },
    );
    return counts;
  });
}
