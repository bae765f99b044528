import "server-only";
import { db } from "@/lib/db/client";
import { holderSince } from "./holder-since";

/**
 * "Download my data" (law 09-08 right of access): everything kept about one number, as it is stored,
 * except secrets (code hashes) and other people's data (provider keys, staff notes on complaints, and what
 * the number's earlier holder did: only what happened since the present holder got it, holder-since.ts).
 */
export async function exportMyNumber(phone: string, now = new Date()) {
  const client = db();
  const since = await holderSince(phone);
  const [oppositions, changes, receipts, links, complaints, codes] = await Promise.all([
    client.opposition.findMany({
      where: { phone, canaryProviderId: null, createdAt: { gte: since } },
      include: { sender: { select: { code: true, name: true } } },
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
    client.stopLink.findMany({
      where: { phone, createdAt: { gte: since } },
      include: { sender: { select: { code: true, name: true } }, provider: { select: { slug: true, name: true } } },
      orderBy: { createdAt: "asc" },
    }),
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
