import "server-only";
import { writeAudit, type Actor } from "@/lib/audit/write-audit";
import { assertActorMay } from "@/lib/auth/assert-actor-may";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";

// Integrity alerts for the CNDP's staff (raised by lib/canaries/watch-canaries.ts): whose list leaked,
// who used it, with which key, in which call, when. Reading one is audited: it is evidence.

export interface IntegrityAlertView {
  id: string;
  /** canary: a provider's list used as a target list; number-events-held: an operator's mass events wait. */
  kind: "canary" | "number-events-held";
  at: Date;
  endpoint: string;
  keyid: string;
  listProvider: { slug: string; name: string };
  caller: { slug: string; name: string };
  phones: string[];
  details: Record<string, unknown>;
  reviewedAt: Date | null;
  reviewedBy: string | null;
}

interface Row {
  id: bigint;
  kind: IntegrityAlertView["kind"];
  at: Date;
  endpoint: string;
  keyid: string;
  list_slug: string;
  list_name: string;
  caller_slug: string;
  caller_name: string;
  phones: string[];
  details: Record<string, unknown>;
  reviewed_at: Date | null;
  reviewed_by: string | null;
}

const SELECT = `
  SELECT a.id, a.kind, a.at, a.endpoint, a.keyid, l.slug AS list_slug, l.name AS list_name, c.slug AS caller_slug, c.name AS caller_name,
         a.phones, a.details, a.reviewed_at, u.email AS reviewed_by
  FROM integrity_alerts a JOIN providers l ON l.id = a.list_provider_id JOIN providers c ON c.id = a.caller_provider_id
  LEFT JOIN staff_users u ON u.id = a.reviewed_by`;

const toView = (r: Row): IntegrityAlertView => ({
  id: String(r.id),
  kind: r.kind,
  at: r.at,
  endpoint: r.endpoint,
  keyid: r.keyid,
  listProvider: { slug: r.list_slug, name: r.list_name },
  caller: { slug: r.caller_slug, name: r.caller_name },
  phones: r.phones,
  details: r.details,
  reviewedAt: r.reviewed_at,
  reviewedBy: r.reviewed_by,
});

/** Open alerts first, then the latest reviewed ones. */
export async function listIntegrityAlerts(actor: Actor): Promise<IntegrityAlertView[]> {
  await assertActorMay(actor, "analyst");
  const rows = await db().$queryRawUnsafe<Row[]>(`${SELECT} ORDER BY a.reviewed_at IS NOT NULL, a.at DESC LIMIT 500`);
  return rows.map(toView);
}

export async function countOpenIntegrityAlerts(): Promise<number> {
  const rows = await db().$queryRaw<
    { n: number }[]
  >`SELECT count(*)::int AS n FROM integrity_alerts WHERE reviewed_at IS NULL`;
  return rows[0]!.n;
}

/** One alert with its evidence; the reading is audited. */
export async function openIntegrityAlert(actor: Actor, id: string): Promise<IntegrityAlertView> {
  await assertActorMay(actor, "analyst");
  if (!/^\d{1,18}$/.test(id)) throw notFound("no such alert", { id: "integrity.no-alert" });
  return db().$transaction(async (tx) => {
    const rows = await tx.$queryRawUnsafe<Row[]>(`${SELECT} WHERE a.id = $1`, BigInt(id));
    if (!rows[0]) throw notFound("no such alert", { id: "integrity.no-alert" });
    await writeAudit(tx, actor, { action: "integrity-alert.view", targetType: "integrity_alert", targetId: id });
    return toView(rows[0]);
  });
}

export async function reviewIntegrityAlert(actor: Actor, id: string): Promise<void> {
  await assertActorMay(actor, "analyst");
  if (!/^\d{1,18}$/.test(id)) throw notFound("no such alert", { id: "integrity.no-alert" });
  await db().$transaction(async (tx) => {
    const updated =
      await tx.$executeRaw`UPDATE integrity_alerts SET reviewed_at = now(), reviewed_by = ${actor.kind === "staff" ? actor.id : null} WHERE id = ${BigInt(id)} AND reviewed_at IS NULL AND kind <> 'number-events-held'`;
    if (updated === 0) throw notFound("no such open alert", { id: "integrity.no-open-alert" });
    await writeAudit(tx, actor, { action: "integrity-alert.review", targetType: "integrity_alert", targetId: id });
  });
}
