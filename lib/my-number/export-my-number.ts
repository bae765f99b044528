import "server-only";
import { db } from "@/lib/db/client";

/**
 * "Download my data" (law 09-08 right of access): everything kept about one number, as it is stored,
 * except secrets (code hashes) and other people's data (provider keys, staff notes on complaints).
 */
export async function exportMyNumber(phone: string, now = new Date()) {
  const client = db();
  const [oppositions, changes, receipts, links, complaints, codes] = await Promise.all([
    client.opposition.findMany({
      where: { phone, canaryProviderId: null },
      include: { sender: { select: { code: true, name: true } } },
      orderBy: { id: "asc" },
    }),
    client.oppositionChange.findMany({ where: { phone, canaryProviderId: null }, orderBy: { seq: "asc" } }),
    client.receipt.findMany({
      where: { phone, opposition: { canaryProviderId: null } },
      orderBy: { createdAt: "asc" },
    }),
    client.stopLink.findMany({
      where: { phone },
      include: { sender: { select: { code: true, name: true } }, provider: { select: { slug: true, name: true } } },
      orderBy: { createdAt: "asc" },
    }),
    client.complaint.findMany({
      where: { phone },
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
      where: { phone },
      select: { createdAt: true, expiresAt: true, usedAt: true, tries: true },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  return {
    phone,
    exported_at: now.toISOString(),
    oppositions: oppositions.map((o) => ({
      scope: o.scope,
      sender: o.sender,
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
      sender_id: c.senderId,
      source: c.source,
      at: c.at,
    })),
    receipts: receipts.map((r) => ({
      id: r.id,
      op: r.op,
      scope: r.scope,
      sender_id: r.senderId,
      source: r.source,
      seq: Number(r.seq),
      at: r.createdAt,
    })),
    links: links.map((l) => ({
      code: l.code,
      sender: l.sender,
      provider: l.provider,
      campaign: l.campaign,
      created_at: l.createdAt,
      expires_at: l.expiresAt,
      confirmed_at: l.confirmedAt,
    })),
    complaints,
    verification_codes: codes,
  };
}
