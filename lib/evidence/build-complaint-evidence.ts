import "server-only";
import { requireStaff } from "@/lib/auth/require-staff";
import { assessComplaint, type Fact } from "@/lib/complaints/assess-complaint";
import { complaintType } from "@/lib/complaints/schemas";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { platformKey } from "@/lib/signing/platform-key";
import { writeAudit } from "@/lib/audit/write-audit";
import { complaintIdsOfOriginator } from "@/lib/complaints/list-originators";
import { TZ } from "@/lib/db/time-zone-sql";
import { declarationOf, readCampaignDeclaration } from "@/lib/sources/campaign-declaration";

/** The evidence of one complaint, as stored: everything the verdict stands on, with its source rows. */
async function complaintEvidence(id: string) {
  const assessment = await assessComplaint(id);
  const complaint = await db().complaint.findUniqueOrThrow({
    where: { id },
    include: {
      sender: { select: { code: true, name: true } },
      provider: { select: { id: true, slug: true, name: true, anrtNumber: true } },
      answers: { orderBy: { answeredAt: "asc" } },
    },
  });
  const link = complaint.linkCode
    ? await db().stopLink.findUnique({
        where: { code: complaint.linkCode },
        include: { provider: { select: { id: true, slug: true, name: true, anrtNumber: true } } },
      })
    : null;
  const provider = link?.provider ?? complaint.provider;
  const declaration = link ? await readCampaignDeclaration(link.senderId, link.campaign) : null;
  const seqFact = assessment.facts.find((f: Fact) => f.key === "opposition")?.source?.id;
  const change = seqFact ? await db().oppositionChange.findUnique({ where: { seq: BigInt(seqFact) } }) : null;
  const sources = new Map(assessment.facts.filter((f) => f.source).map((f) => [f.source!.table, f.source!.id]));
  const fetch = sources.has("provider_fetches")
    ? await db().providerFetch.findUnique({ where: { id: BigInt(sources.get("provider_fetches")!) } })
    : null;
  const ack = sources.has("provider_acks")
    ? await db().providerAck.findUnique({ where: { id: BigInt(sources.get("provider_acks")!) } })
    : null;
  const keys = provider
    ? await db().providerKey.findMany({
        where: { providerId: provider.id },
        select: { keyid: true, createdAt: true, revokedAt: true },
      })
    : [];
  return {
    complaint: {
      id: complaint.id,
      type: complaintType[complaint.reason],
      reported_at: complaint.createdAt,
      received_at: complaint.receivedAt,
      verified: complaint.verified,
      sender_seen: complaint.senderSeen,
      sender: complaint.sender,
      originator: complaint.originator,
      originator_phone: complaint.originatorPhone,
      phone: complaint.phone,
      message_text: complaint.messageText,
      respond_by: complaint.respondBy,
      response: complaint.respondedAt
        ? {
            action: complaint.responseAction,
            text: complaint.responseText,
            at: complaint.respondedAt,
            keyid: complaint.responseKeyid,
          }
        : null,
      reported_times: complaint.reportedTimes,
      // Every provider's answer, in order, with the key that signed it.
      answers: complaint.answers.map((a) => ({
        provider_id: a.providerId,
        keyid: a.keyid,
        action: a.action,
        text: a.text,
        at: a.answeredAt,
        late: a.late,
      })),
    },
    verdict: assessment.verdict,
    reason: assessment.reason,
    facts: assessment.facts,
    change: change
      ? {
          seq: Number(change.seq),
          op: change.op,
          reason: change.reason,
          phone: change.phone,
          scope: change.scope,
          sender_id: change.senderId,
          source: change.source,
          at: change.at,
        }
      : null,
    link: link
      ? {
          code: link.code,
          campaign: link.campaign,
          minted_at: link.createdAt,
          expires_at: link.expiresAt,
          confirmed_at: link.confirmedAt,
        }
      : null,
    // 1.2: on whose behalf, on what basis and from which list the campaign said its numbers came.
    declaration: declaration
      ? {
          ...declarationOf(declaration),
          source_name: declaration.listSource?.name ?? null,
          declared_by: declaration.declaredBy.slug,
          declared_at: declaration.declaredAt,
        }
      : null,
    provider: provider ? { slug: provider.slug, name: provider.name, anrt_number: provider.anrtNumber } : null,
    provider_fetch: fetch ? { reached: Number(fetch.reached), at: fetch.at, keyid: fetch.keyid } : null,
    provider_ack: ack ? { applied: Number(ack.applied), at: ack.at, keyid: ack.keyid } : null,
    provider_keys: keys,
  };
}

export function evidenceHeader(subject: Record<string, unknown>) {
  return {
    type: "stopsms-evidence-pack",
    version: 1,
    generated_at: new Date().toISOString(),
    platform: { url: env().STOPSMS_PUBLIC_URL, keyid: platformKey().keyid, max_lag_hours: env().STOPSMS_MAX_LAG_HOURS },
    subject,
  };
}

/** Staff download, audited: one complaint's pack (signed by the caller, see sign-pack.ts). */
export async function buildComplaintEvidence(id: string) {
  const staff = await requireStaff("analyst");
  if (!(await db().complaint.findUnique({ where: { id }, select: { id: true } }))) return null;
  const evidence = await complaintEvidence(id);
  await db().$transaction((tx) =>
    writeAudit(tx, staff.actor, { action: "evidence.complaint", targetType: "complaint", targetId: id }),
  );
  return { ...evidenceHeader({ complaint: id }), ...evidence };
}

/** Staff download, audited: the dossier of one originator (sending number or sender id) for the prosecutor. */
export async function buildOriginatorEvidence(key: string) {
  const staff = await requireStaff("analyst");
  const ids = await complaintIdsOfOriginator(key);
  if (ids.length === 0) return null;
  const complaints: Awaited<ReturnType<typeof complaintEvidence>>[] = [];
  for (const id of ids) complaints.push(await complaintEvidence(id));
  await db().$transaction((tx) =>
    writeAudit(tx, staff.actor, { action: "evidence.originator", targetType: "originator", targetId: key }),
  );
  return { ...evidenceHeader({ originator: key }), complaints };
}

/** Staff download, audited: every complaint about a provider's links or senders reported in a period. */
export async function buildProviderEvidence(slug: string, range: { from: string; to: string }) {
  const staff = await requireStaff("analyst");
  const provider = await db().provider.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, anrtNumber: true },
  });
  if (!provider) return null;
  const ids = await db().$queryRaw<{ id: string }[]>`
    SELECT id FROM complaints c
    WHERE (c.provider_id = ${provider.id} OR c.sender_id IN (SELECT sender_id FROM provider_senders WHERE provider_id = ${provider.id}))
      AND c.created_at >= (${range.from}::date::timestamp AT TIME ZONE ${TZ})
      AND c.created_at < ((${range.to}::date + 1)::timestamp AT TIME ZONE ${TZ})
    ORDER BY c.created_at, c.id`;
  const complaints: Awaited<ReturnType<typeof complaintEvidence>>[] = [];
  for (const { id } of ids) complaints.push(await complaintEvidence(id));
  await db().$transaction((tx) =>
    writeAudit(tx, staff.actor, { action: "evidence.provider", targetType: "provider", targetId: slug, after: range }),
  );
  return {
    ...evidenceHeader({ provider: slug, from: range.from, to: range.to }),
    provider: { slug: provider.slug, name: provider.name, anrt_number: provider.anrtNumber },
    verdicts: Object.fromEntries(
      ["violation", "within-deadline", "no-opposition", "undetermined"].map((v) => [
        v,
        complaints.filter((c) => c.verdict === v).length,
      ]),
    ),
    complaints,
  };
}
