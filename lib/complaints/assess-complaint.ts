import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { moroccanDay, moroccanDayEnd, moroccanMidnight } from "@/lib/time-zone";
import { readCampaignDeclaration } from "@/lib/sources/campaign-declaration";

export type Verdict = "violation" | "within-deadline" | "no-opposition" | "undetermined";

/** One fact a verdict used, with the row it comes from, so staff (and a court) can check it. */
export interface Fact {
  key: string;
  label: string;
  value: string | number | null;
  source: { table: string; id: string } | null;
}

export interface Assessment {
  verdict: Verdict;
  reason: string;
  facts: Fact[];
}

interface ComplaintRow {
  id: string;
  phone: string | null;
  sender_id: number | null;
  received_at: Date;
  created_at: Date;
  link_code: string | null;
  provider_id: number | null;
}

/**
 * The verdict of a complaint from the data alone (DESIGN.md "Enforcement"):
 * - when the SMS was sent: at or after its link was minted (precise), else the day the citizen says it
 *   arrived (a whole day in Moroccan time);
 * - the opposition in force for that number, to that sender or to all, before then (the oldest counts:
 *   it gives the earliest deadline), with its feed seq;
 * - the legal deadline: opposition time + STOPSMS_MAX_LAG_HOURS;
 * - when the provider fetched and acknowledged that change.
 * An SMS sent at or after the deadline, or after the provider acknowledged the change, is a `violation`;
 * before the deadline `within-deadline`; no opposition `no-opposition`; a day that straddles the deadline,
 * an opposition made that same day, or no number to check `undetermined`.
 */
export async function assessComplaint(id: string, client: Tx = db(), now = new Date()): Promise<Assessment> {
  const [complaint] = await client.$queryRaw<ComplaintRow[]>`
    SELECT id, phone, sender_id, received_at, created_at, link_code, provider_id FROM complaints WHERE id = ${id}`;
  if (!complaint) throw new Error(`no complaint ${id}`);
  const assessment = await judge(client, complaint);
  const facts = { reason: assessment.reason, facts: assessment.facts };
  // Stored again only when the data changed it (a later ack, a corrected row): assessed_at says when.
  // jsonb compares by value, whatever the key order.
  await client.$executeRaw`
    UPDATE complaints SET verdict = ${assessment.verdict}, facts = ${JSON.stringify(facts)}::jsonb, assessed_at = ${now}
    WHERE id = ${id} AND (verdict IS DISTINCT FROM ${assessment.verdict} OR facts IS DISTINCT FROM ${JSON.stringify(facts)}::jsonb)`;
  return assessment;
}

async function judge(client: Tx, complaint: ComplaintRow): Promise<Assessment> {
  const lagHours = env().STOPSMS_MAX_LAG_HOURS;
  const facts: Fact[] = [
    {
      key: "complaint",
      label: "Signalement reçu",
      value: complaint.created_at.toISOString(),
      source: { table: "complaints", id: complaint.id },
    },
  ];
  const link = complaint.link_code
    ? (
        await client.$queryRaw<
          {
            code: string;
            phone: string;
            sender_id: number;
            provider_id: number;
            campaign: string;
            created_at: Date;
            confirmed_at: Date | null;
          }[]
        >`
          SELECT code, phone, sender_id, provider_id, campaign, created_at, confirmed_at FROM stop_links WHERE code = ${complaint.link_code}`
      )[0]
    : undefined;
  const phone = link?.phone ?? complaint.phone;
  const senderId = link?.sender_id ?? complaint.sender_id;
  const providerId = link?.provider_id ?? complaint.provider_id;
  if (link) {
    facts.push({
      key: "link-minted",
      label: `Lien StopSMS créé pour ce numéro (campagne « ${link.campaign} »)`,
      value: link.created_at.toISOString(),
      source: { table: "stop_links", id: link.code },
    });
  }
  // The campaign's declaration (1.2, fixed once made: read outside the transaction): its list source's
  // refusals count like the sender's.
  const declared = link ? await readCampaignDeclaration(link.sender_id, link.campaign) : null;
  if (declared)
    facts.push({
      key: "declaration",
      label: `Déclaration de la campagne : ${declared.basis === "consent" ? "consentement" : "client existant"}, source « ${declared.source} », collecte ${declared.collected_at}`,
      value: declared.source,
      source: { table: "campaign_declarations", id: `${link!.sender_id}/${link!.campaign}` },
    });
  if (!phone) return { verdict: "undetermined", reason: "Aucun numéro à vérifier.", facts };

  // When the SMS was sent: precisely "not before the link was minted", or the whole day reported.
  const window = link ? { from: link.created_at, to: link.created_at } : dayWindow(complaint.received_at);
  facts.push(
    link
      ? {
          key: "sms-sent",
          label: "SMS envoyé au plus tôt à la création de son lien",
          value: link.created_at.toISOString(),
          source: { table: "stop_links", id: link.code },
        }
      : {
          key: "sms-received",
          label: "SMS reçu le (jour déclaré, heure du Maroc)",
          value: `${window.from.toISOString()} – ${window.to.toISOString()}`,
          source: { table: "complaints", id: complaint.id },
        },
  );

  // The oldest opposition in force when the window ends, to this sender or to all.
  const changes = await client.$queryRaw<{ seq: bigint; op: string; scope: string; at: Date }[]>`
    SELECT DISTINCT ON (scope) seq, op::text AS op, scope::text AS scope, at FROM opposition_changes
    WHERE phone = ${phone} AND canary_provider_id IS NULL AND at <= ${window.to} AND (scope = 'all' OR (scope = 'sender' AND sender_id = ${senderId}::int)
         OR list_source_id = ${declared?.listSource?.id ?? null}::int)
    ORDER BY scope, seq DESC`;
  const inForce = changes.filter((c) => c.op === "add").sort((a, b) => a.at.getTime() - b.at.getTime())[0];
  if (!inForce)
    return {
      verdict: "no-opposition",
      reason: "Aucune opposition en vigueur pour ce numéro et cet expéditeur au moment de l'envoi.",
      facts,
    };
  const deadline = new Date(inForce.at.getTime() + lagHours * 3_600_000);
  facts.push(
    {
      key: "opposition",
      label: `Opposition en vigueur (${inForce.scope === "all" ? "tous expéditeurs" : "cet expéditeur"}), changement n° ${inForce.seq}`,
      value: inForce.at.toISOString(),
      source: { table: "opposition_changes", id: String(inForce.seq) },
    },
    {
      key: "deadline",
      label: `Délai légal (${lagHours} h après l'opposition)`,
      value: deadline.toISOString(),
      source: null,
    },
  );

  let acked: Date | null = null;
  if (providerId !== null) {
    const [fetched] = await client.$queryRaw<{ id: bigint; at: Date; keyid: string | null }[]>`
      SELECT id, at, keyid FROM provider_fetches WHERE provider_id = ${providerId} AND reached >= ${inForce.seq} ORDER BY reached, at LIMIT 1`;
    const [ack] = await client.$queryRaw<{ id: bigint; at: Date; keyid: string }[]>`
      SELECT id, at, keyid FROM provider_acks WHERE provider_id = ${providerId} AND applied >= ${inForce.seq} ORDER BY applied, at LIMIT 1`;
    facts.push(
      {
        key: "fetched",
        label: "Opposition téléchargée par l'opérateur d'envoi",
        value: fetched?.at.toISOString() ?? null,
        source: fetched ? { table: "provider_fetches", id: String(fetched.id) } : null,
      },
      {
        key: "acknowledged",
        label: "Application confirmée par l'opérateur d'envoi (accusé de réception signé)",
        value: ack?.at.toISOString() ?? null,
        source: ack ? { table: "provider_acks", id: String(ack.id) } : null,
      },
    );
    acked = ack?.at ?? null;
  }

  if (window.from.getTime() < inForce.at.getTime()) {
    return {
      verdict: "undetermined",
      reason: "L'opposition a été enregistrée le jour même de la réception : l'ordre des deux ne peut pas être établi.",
      facts,
    };
  }
  if (window.from.getTime() >= deadline.getTime())
    return { verdict: "violation", reason: "SMS envoyé après l'expiration du délai légal.", facts };
  if (acked && window.from.getTime() >= acked.getTime())
    return {
      verdict: "violation",
      reason: "SMS envoyé après que l'opérateur a déclaré avoir appliqué l'opposition.",
      facts,
    };
  if (window.to.getTime() < deadline.getTime())
    return { verdict: "within-deadline", reason: "SMS envoyé avant l'expiration du délai légal.", facts };
  return { verdict: "undetermined", reason: "Le jour de réception chevauche l'expiration du délai légal.", facts };
}

/**
 * The reported day (stored at 12:00 UTC) as a whole day in Moroccan time, [00:00, 24:00[ — 23 or 25 hours
 * the days Morocco leaves or comes back from UTC+0 for Ramadan.
 */
export function dayWindow(receivedAt: Date): { from: Date; to: Date } {
  const day = moroccanDay(receivedAt);
  return { from: moroccanMidnight(day), to: new Date(moroccanDayEnd(day).getTime() - 1) };
}
