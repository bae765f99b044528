import "server-only";
import { db } from "@/lib/db/client";
import { findOppositionsInForce, type OppositionInForce } from "@/lib/oppositions/find-oppositions-in-force";
import type { ChangeOp, ChangeReason, Scope } from "@/lib/oppositions/types";
import { holderSince } from "./holder-since";

export interface LinkHolder {
  senderId: number;
  senderCode: string;
  senderName: string;
  provider: string;
  /** The provider's own name for the campaign (kept for the data file; pages show `purpose`). */
  campaign: string;
  mintedAt: Date;
  /** What the campaign declared it is for, in the provider's words; null when undeclared. */
  purpose: string | null;
  /** The campaign's declaration (1.2), null when it has none. */
  basis: "consent" | "customer" | null;
  advertiser: string | null;
  /** The list source's name; null for the advertiser's own list (when `basis` is set). */
  sourceName: string | null;
  collectedAt: string | null;
  collectedHow: string | null;
}

export interface HistoryEntry {
  op: ChangeOp;
  reason: ChangeReason;
  scope: Scope;
  senderName: string | null;
  /** The refused list source (scope `source`). */
  sourceName: string | null;
  at: Date;
  receiptId: string | null;
}

export interface MyNumber {
  phone: string;
  inForce: OppositionInForce[];
  /** "Who has my number": one row per (sender, provider, campaign) with a link minted in the last 12 months. */
  holders: LinkHolder[];
  history: HistoryEntry[];
}

const HOLDER_MONTHS = 12;

/**
 * What a verified citizen sees for their number, and only for it (the caller passes the session's number),
 * and only since they hold it (holder-since.ts).
 */
export async function loadMyNumber(phone: string, now = new Date()): Promise<MyNumber> {
  const held = await holderSince(phone);
  const yearAgo = new Date(now);
  yearAgo.setMonth(yearAgo.getMonth() - HOLDER_MONTHS);
  const since = held > yearAgo ? held : yearAgo;
  const [inForce, holders, history] = await Promise.all([
    findOppositionsInForce(phone).then((all) => all.filter((o) => o.since >= held)),
    db().$queryRaw<LinkHolder[]>`
      SELECT s.id AS "senderId", s.code AS "senderCode", s.name AS "senderName", p.name AS provider, l.campaign, max(l.created_at) AS "mintedAt",
             d.purpose, d.basis, d.advertiser, ls.name AS "sourceName", d.collected_at AS "collectedAt", d.collected_how AS "collectedHow"
      FROM stop_links l JOIN senders s ON s.id = l.sender_id JOIN providers p ON p.id = l.provider_id
      LEFT JOIN campaign_declarations d ON d.sender_id = l.sender_id AND d.campaign = l.campaign
      LEFT JOIN list_sources ls ON ls.id = d.list_source_id
      WHERE l.phone = ${phone} AND l.created_at >= ${since}
      GROUP BY s.id, s.code, s.name, p.name, l.campaign, d.purpose, d.basis, d.advertiser, ls.name, d.collected_at, d.collected_how
      ORDER BY "mintedAt" DESC
      LIMIT 200`,
    db().$queryRaw<HistoryEntry[]>`
      SELECT c.op::text AS op, c.reason, c.scope::text AS scope, s.name AS "senderName", ls.name AS "sourceName", c.at, r.id AS "receiptId"
      FROM opposition_changes c
      LEFT JOIN senders s ON s.id = c.sender_id
      LEFT JOIN list_sources ls ON ls.id = c.list_source_id
      LEFT JOIN oppositions o ON o.phone = c.phone AND o.scope = c.scope AND o.sender_id IS NOT DISTINCT FROM c.sender_id
        AND o.list_source_id IS NOT DISTINCT FROM c.list_source_id AND o.canary_provider_id IS NULL
      LEFT JOIN LATERAL (SELECT id FROM receipts WHERE opposition_id = o.id AND seq = c.seq ORDER BY created_at LIMIT 1) r ON true
      WHERE c.phone = ${phone} AND c.canary_provider_id IS NULL AND c.at >= ${held}
        AND c.reason <> 'number-disconnected' -- the end of an earlier holder's refusal, never the holder's own
      ORDER BY c.seq DESC
      LIMIT 200`,
  ]);
  return { phone, inForce, holders, history };
}
