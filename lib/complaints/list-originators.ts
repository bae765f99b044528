import "server-only";
import { requireStaff } from "@/lib/auth/require-staff";
import { db } from "@/lib/db/client";
import { foldSenderName } from "@/lib/providers/match-sender";

export const REPEAT_THRESHOLD = { complaints: 3, days: 7 };

export interface Originator {
  key: string;
  shown: string;
  phone: string | null;
  complaints: number;
  recent: number;
  /** Distinct reporters who proved their number (SMS code, or their own StopSMS link). */
  verifiedReporters: number;
  /** Of which in the last days of the threshold: what flags a repeat offender. */
  recentVerifiedReporters: number;
  /** Reports from unproved numbers: shown apart, never an accusation on their own. */
  unverified: number;
  firstSeen: Date;
  lastSeen: Date;
  texts: string[];
  /** The sender id belongs to a registered sender (a declared provider's), or null for a number. */
  declaredSender: string | null;
  flagged: boolean;
}

/** An originator's grouping key: its E.164 number when it is one, else the sender id folded (case, spaces). */
const KEY = `coalesce(originator_phone, upper(regexp_replace(originator, '[^[:alnum:]]', '', 'g')))`;

/**
 * The informal sector, as citizens report it: complaints grouped by the sending number or sender id shown,
 * with counts, first and last seen, the texts, and whether it is a registered sender's id. An accusation
 * needs verified accusers: an originator is flagged for a dossier to the prosecutor when 3 distinct
 * reporters who proved their number reported it in 7 days; unverified reports are counted apart and never
 * flag, nor enter the operators' CSV or the dossier (anyone can type a competitor's number 50 times).
 */
export async function listOriginators(): Promise<Originator[]> {
  await requireStaff("analyst");
  const rows = await db().$queryRawUnsafe<
    {
      key: string;
      shown: string;
      phone: string | null;
      complaints: bigint;
      recent: bigint;
      verified_reporters: bigint;
      recent_verified: bigint;
      unverified: bigint;
      first_seen: Date;
      last_seen: Date;
      texts: string[];
    }[]
  >(
    `SELECT ${KEY} AS key, min(originator) AS shown, min(originator_phone) AS phone, count(*) AS complaints,
            count(*) FILTER (WHERE created_at > now() - make_interval(days => $1)) AS recent,
            count(DISTINCT phone) FILTER (WHERE verified) AS verified_reporters,
            count(DISTINCT phone) FILTER (WHERE verified AND created_at > now() - make_interval(days => $1)) AS recent_verified,
            count(*) FILTER (WHERE NOT verified) AS unverified,
            min(created_at) AS first_seen, max(created_at) AS last_seen,
            (array_agg(message_text ORDER BY created_at DESC))[1:3] AS texts
     FROM complaints WHERE originator IS NOT NULL
     GROUP BY 1 ORDER BY recent DESC, complaints DESC, key LIMIT 500`,
    REPEAT_THRESHOLD.days,
  );
  const senders = await db().sender.findMany({ select: { name: true, smsSenderIds: true } });
  const declared = new Map(senders.flatMap((s) => s.smsSenderIds.map((id) => [foldSenderName(id), s.name] as const)));
  return rows.map((r) => ({
    key: r.key,
    shown: r.shown,
    phone: r.phone,
    complaints: Number(r.complaints),
    recent: Number(r.recent),
    verifiedReporters: Number(r.verified_reporters),
    recentVerifiedReporters: Number(r.recent_verified),
    unverified: Number(r.unverified),
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    texts: r.texts.filter(Boolean),
    declaredSender: r.phone ? null : (declared.get(foldSenderName(r.shown)) ?? null),
    flagged: Number(r.recent_verified) >= REPEAT_THRESHOLD.complaints,
  }));
}

/** The verified complaint ids of one originator (for its dossier: an unverified report is no evidence). */
export async function complaintIdsOfOriginator(key: string): Promise<string[]> {
  await requireStaff("analyst");
  const rows = await db().$queryRawUnsafe<{ id: string }[]>(
    `SELECT id FROM complaints WHERE originator IS NOT NULL AND verified AND ${KEY} = $1 ORDER BY created_at, id`,
    key,
  );
  return rows.map((r) => r.id);
}
