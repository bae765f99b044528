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
 * with counts, first and last seen, the texts, and whether it is a registered sender's id. Repeated
 * originators (3 complaints or more in 7 days) are flagged for a dossier to the prosecutor.
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
      first_seen: Date;
      last_seen: Date;
      texts: string[];
    }[]
  >(
    `SELECT ${KEY} AS key, min(originator) AS shown, min(originator_phone) AS phone, count(*) AS complaints,
            count(*) FILTER (WHERE created_at > now() - make_interval(days => $1)) AS recent,
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
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    texts: r.texts.filter(Boolean),
    declaredSender: r.phone ? null : (declared.get(foldSenderName(r.shown)) ?? null),
    flagged: Number(r.recent) >= REPEAT_THRESHOLD.complaints,
  }));
}

/** The complaint ids of one originator (for its dossier). */
export async function complaintIdsOfOriginator(key: string): Promise<string[]> {
  await requireStaff("analyst");
  const rows = await db().$queryRawUnsafe<{ id: string }[]>(
    `SELECT id FROM complaints WHERE originator IS NOT NULL AND ${KEY} = $1 ORDER BY created_at, id`,
    key,
  );
  return rows.map((r) => r.id);
}
