import "server-only";
import type { Actor } from "@/lib/audit/write-audit";
import { writeAudit } from "@/lib/audit/write-audit";
import { assertActorMay } from "@/lib/auth/assert-actor-may";
import { db } from "@/lib/db/client";
import { invalidInput } from "@/lib/errors";
import { parsePhone } from "@/lib/phone/parse-phone";
import { REINSTATE_WITHIN_DAYS } from "./apply-stored-events";

// Staff answering a citizen on the phone: everything the platform holds about one number, in one read, and
// that read audited. The number comes from a form post and travels to the page in a short-lived cookie,
// never in a URL (lib/web/staff-lookup.ts). Canary entries are never shown: they belong to nobody.

export interface NumberFile {
  phone: string;
  oppositions: {
    id: string;
    scope: string;
    target: string | null;
    source: string;
    verified: boolean;
    recordedAt: Date;
    endedAt: Date | null;
    endedReason: string | null;
    receiptId: string;
    restorable: boolean;
  }[];
  receipts: { id: string; op: string; target: string | null; scope: string; at: Date }[];
  complaints: { id: string; reason: string; senderSeen: string; at: Date; verdict: string | null; status: string }[];
  events: {
    event: string;
    at: Date;
    receivedAt: Date;
    operator: string;
    keyid: string;
    ended: number;
    restored: number;
  }[];
  codes: { at: Date; expiresAt: Date; usedAt: Date | null; tries: number }[];
}

/** Parses what staff typed; throws a 422 DomainError when it is not a number. */
export function phoneForLookup(input: string, defaultRegion: string): string {
  const parsed = parsePhone(input, defaultRegion);
  if (!parsed.ok) throw invalidInput(`not a valid phone number (${parsed.reason})`);
  return parsed.e164;
}

export async function lookUpNumber(actor: Actor, phone: string): Promise<NumberFile> {
  await assertActorMay(actor, "analyst");
  return db().$transaction(async (tx) => {
    const oppositions = await tx.$queryRaw<NumberFile["oppositions"]>`
      SELECT o.id::text AS id, o.scope::text AS scope, COALESCE(s.name, ls.name) AS target, o.source::text AS source,
             o.verified, o.created_at AS "recordedAt", o.withdrawn_at AS "endedAt", o.ended_reason AS "endedReason",
             o.receipt_id AS "receiptId",
             (o.ended_reason = 'number-disconnected' AND o.withdrawn_at > now() - make_interval(days => ${REINSTATE_WITHIN_DAYS}))
               AS restorable
      FROM oppositions o LEFT JOIN senders s ON s.id = o.sender_id LEFT JOIN list_sources ls ON ls.id = o.list_source_id
      WHERE o.phone = ${phone} AND o.canary_provider_id IS NULL ORDER BY o.created_at DESC`;
    const receipts = await tx.$queryRaw<NumberFile["receipts"]>`
      SELECT r.id, r.op::text AS op, COALESCE(s.name, ls.name) AS target, r.scope::text AS scope, r.created_at AS at
      FROM receipts r LEFT JOIN senders s ON s.id = r.sender_id LEFT JOIN list_sources ls ON ls.id = r.list_source_id
      WHERE r.phone = ${phone} ORDER BY r.created_at DESC LIMIT 200`;
    const complaints = await tx.$queryRaw<NumberFile["complaints"]>`
      SELECT c.id, c.reason::text AS reason, c.sender_seen AS "senderSeen", c.created_at AS at, c.verdict, c.status::text AS status
      FROM complaints c WHERE c.phone = ${phone} ORDER BY c.created_at DESC LIMIT 200`;
    const events = await tx.$queryRaw<NumberFile["events"]>`
      SELECT e.event, e.at, e.received_at AS "receivedAt", p.name AS operator, e.keyid, e.ended, e.restored
      FROM number_events e JOIN providers p ON p.id = e.provider_id
      WHERE e.phone = ${phone} ORDER BY e.at DESC, e.id DESC LIMIT 200`;
    // When codes were sent and whether they were used: never the code (only its hash is kept anyway).
    const codes = await tx.$queryRaw<NumberFile["codes"]>`
      SELECT created_at AS at, expires_at AS "expiresAt", used_at AS "usedAt", tries
      FROM verification_codes WHERE phone = ${phone} ORDER BY created_at DESC LIMIT 50`;
    await writeAudit(tx, actor, {
      action: "number.lookup",
      targetType: "phone",
      targetId: phone,
      after: {
        oppositions: oppositions.length,
        complaints: complaints.length,
        events: events.length,
        codes: codes.length,
      },
    });
    return { phone, oppositions, receipts, complaints, events, codes };
  });
}
