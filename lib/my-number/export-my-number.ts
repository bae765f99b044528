import "server-only";
import { db } from "@/lib/db/client";
import { DECLARATION_JSON_SQL } from "@/lib/sources/campaign-declaration";
import { Prisma } from "@/lib/generated/prisma/client";
import { holderSince } from "./holder-since";

/**
 * "Download my data" (law 09-08 right of access): everything kept about one number, as it is stored,
 * except secrets (code hashes) and other people's data (provider keys, staff notes on complaints, and what
 * the number's earlier holder did: only what happened since the present holder got it, holder-since.ts).
 */
export type MyData = Awaited<ReturnType<typeof exportMyNumber>>;

export async function exportMyNumber(phone: string, now = new Date()) {
  const client = db();
  const since = await holderSince(phone);
  const [oppositions, changes, receipts, links, complaints, codes] = await Promise.all([
    client.opposition.findMany({
      where: { phone, canaryProviderId: null, createdAt: { gte: since } },
      include: { sender: { select: { code: true, name: true } }, listSource: { select: { code: true, name: true } } },
      orderBy: { id: "asc" },
    }),
    client.oppositionChange.findMany({
      // A number-disconnected remove ends an earlier holder's refusal: never the holder's own.
      where: { phone, canaryProviderId: null, at: { gte: since }, reason: { not: "number-disconnected" } },
      orderBy: { seq: "asc" },
    }),
    client.receipt.findMany({
      where: { phone, opposition: { canaryProviderId: null }, createdAt: { gte: since } },
      orderBy: { createdAt: "asc" },
    }),
    client.$queryRaw<
      {
        code: string;
        sender_code: string;
        sender_name: string;
        provider_slug: string;
        provider_name: string;
        campaign: string;
        created_at: Date;
        expires_at: Date;
        confirmed_at: Date | null;
        declaration: Record<string, string> | null;
      }[]
    >`
      SELECT l.code, s.code AS sender_code, s.name AS sender_name, p.slug AS provider_slug, p.name AS provider_name,
             l.campaign, l.created_at, l.expires_at, l.confirmed_at,
             CASE WHEN d.sender_id IS NOT NULL
               THEN ${Prisma.raw(DECLARATION_JSON_SQL)} || jsonb_build_object('source_name', ls.name) END AS declaration
      FROM stop_links l JOIN senders s ON s.id = l.sender_id JOIN providers p ON p.id = l.provider_id
      LEFT JOIN campaign_declarations d ON d.sender_id = l.sender_id AND d.campaign = l.campaign
      LEFT JOIN list_sources ls ON ls.id = d.list_source_id
      WHERE l.phone = ${phone} AND l.created_at >= ${since}
      ORDER BY l.created_at`,
    client.complaint.findMany({
      where: { phone, createdAt: { gte: since } },
      select: {
        id: true,
        reason: true,
        senderSeen: true,
        messageText: true,
        receivedAt: true,
        status: true,
        createdAt: true,
      },
      orderBy: { createdAt: "asc" },
    }),
    client.verificationCode.findMany({
      where: { phone, createdAt: { gte: since } },
      select: { createdAt: true, expiresAt: true, usedAt: true, tries: true },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  // Senders by name, never by an internal id (keys documented in docs/privacy.md, "Download my data").
  const senderIds = [...new Set([...changes, ...receipts].flatMap((x) => (x.senderId === null ? [] : [x.senderId])))];
  const senders = new Map(
    (
      await client.sender.findMany({ where: { id: { in: senderIds } }, select: { id: true, code: true, name: true } })
    ).map((s) => [s.id, { code: s.code, name: s.name }]),
  );
  const senderOf = (id: number | null) => (id === null ? null : (senders.get(id) ?? null));
  return {
    phone,
    exported_at: now.toISOString(),
    oppositions: oppositions.map((o) => ({
      scope: o.scope,
      sender: o.sender,
      list_source: o.listSource,
      source: o.source,
      verified: o.verified,
      since: o.createdAt,
      withdrawn_at: o.withdrawnAt,
      receipt: o.receiptId,
    })),
    changes: changes.map((c) => ({
      seq: Number(c.seq),
      op: c.op,
      reason: c.reason,
      scope: c.scope,
      sender: senderOf(c.senderId),
      source: c.source,
      at: c.at,
    })),
    receipts: receipts.map((r) => ({
      id: r.id,
      op: r.op,
      scope: r.scope,
      sender: senderOf(r.senderId),
      source: r.source,
      seq: Number(r.seq),
      at: r.createdAt,
    })),
    links: links.map((l) => ({
      code: l.code,
      sender: { code: l.sender_code, name: l.sender_name },
      provider: { slug: l.provider_slug, name: l.provider_name },
      campaign: l.campaign,
      created_at: l.created_at,
      expires_at: l.expires_at,
      confirmed_at: l.confirmed_at,
      // Provenance (1.2): on whose behalf, on what basis, from which list the campaign said it came.
      declaration: l.declaration,
    })),
    complaints,
    verification_codes: codes,
  };
}
