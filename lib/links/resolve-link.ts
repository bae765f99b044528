import "server-only";
import DataLoader from "dataloader";
import { pool, preparedName } from "@/lib/db/client";
import type { SenderRef } from "@/lib/oppositions/types";
import { isLinkCode } from "./link-code";

export interface ActiveOpposition {
  receiptId: string;
  since: Date;
}

export type ResolvedLink =
  | { status: "unknown" }
  | { status: "expired"; sender: SenderRef }
  | {
      status: "active";
      code: string;
      phone: string;
      sender: SenderRef;
      /** The provider that minted it: a refusal recorded through it is that provider's traffic. */
      providerId: number;
      /** Its name: the one the citizen may let see their full number in a report. */
      providerName: string;
      /** When the link was minted: an SMS carrying it was sent no earlier. */
      mintedAt: Date;
      /** What is already in force for this number: the sender-level and the all-senders opposition. */
      opposedSender: ActiveOpposition | null;
      opposedAll: ActiveOpposition | null;
      /** The campaign's declaration (1.2): why this number got the SMS; null for a campaign without one. */
      declaration: LinkDeclaration | null;
      /** The refusal in force of the declared list source, if any. */
      opposedSource: ActiveOpposition | null;
    };

export interface LinkDeclaration {
  advertiser: string;
  purpose: string;
  basis: "consent" | "customer";
  /** null: the advertiser's own collection (`own`). */
  source: { id: number; code: string; name: string; kind: "broker" | "partner" } | null;
  collectedAt: string;
  collectedHow: string;
}

type Row = [
  code: string,
  phone: string,
  expiresAt: Date,
  senderId: number,
  senderCode: string,
  senderName: string,
  senderReceipt: string | null,
  senderSince: Date | null,
  allReceipt: string | null,
  allSince: Date | null,
  mintedAt: Date,
  providerId: number,
  providerName: string,
  advertiser: string | null,
  purpose: string | null,
  basis: "consent" | "customer" | null,
  collectedAt: string | null,
  collectedHow: string | null,
  sourceId: number | null,
  sourceCode: string | null,
  sourceName: string | null,
  sourceKind: "broker" | "partner" | null,
  sourceReceipt: string | null,
  sourceSince: Date | null,
];

// The landing page's only query: a few index probes per code, for every code asked for at that moment.
const RESOLVE = `
  SELECT l.code, l.phone, l.expires_at, s.id, s.code, s.name, os.receipt_id, os.created_at, oa.receipt_id, oa.created_at, l.created_at, l.provider_id, p.name,
         d.advertiser, d.purpose, d.basis, d.collected_at, d.collected_how, ls.id, ls.code, ls.name, ls.kind, osrc.receipt_id, osrc.created_at
  FROM stop_links l
  JOIN senders s ON s.id = l.sender_id
  JOIN providers p ON p.id = l.provider_id
  LEFT JOIN campaign_declarations d ON d.sender_id = l.sender_id AND d.campaign = l.campaign
  LEFT JOIN list_sources ls ON ls.id = d.list_source_id
  LEFT JOIN oppositions osrc ON osrc.phone = l.phone AND osrc.list_source_id = d.list_source_id AND osrc.withdrawn_at IS NULL
  LEFT JOIN oppositions os ON os.phone = l.phone AND os.scope = 'sender' AND os.sender_id = l.sender_id AND os.withdrawn_at IS NULL
  LEFT JOIN oppositions oa ON oa.phone = l.phone AND oa.scope = 'all' AND oa.sender_id IS NULL AND oa.withdrawn_at IS NULL AND oa.canary_provider_id IS NULL
  WHERE l.code = ANY($1::text[])`;

async function readLinks(codes: readonly string[]): Promise<(Row | null)[]> {
  // Prepared: planning this four-table join cost more than running it.
  const { rows } = await pool().query<Row>({
    name: preparedName("resolve-links"),
    text: RESOLVE,
    values: [codes],
    rowMode: "array",
  });
  const byCode = new Map(rows.map((row) => [row[0], row]));
  return codes.map((code) => byCode.get(code) ?? null);
}

// A campaign's landing traffic arrives in bursts over many codes: the codes asked for within one turn of the
// event loop are read in one query (never cached: each request sees the state in force at that moment).
// One query's fixed cost — driver, round trip, executor start — is then shared by the whole batch.
const globalForLinks = globalThis as unknown as { stopsmsLinkLoader?: DataLoader<string, Row | null> };
function linkLoader(): DataLoader<string, Row | null> {
  globalForLinks.stopsmsLinkLoader ??= new DataLoader(readLinks, {
    cache: false,
    maxBatchSize: 200,
    batchScheduleFn: (run) => setImmediate(run),
  });
  return globalForLinks.stopsmsLinkLoader;
}

/** Reads a short link and what is in force for its number. Never writes (GET-safe). */
export async function resolveLink(code: string, now = new Date()): Promise<ResolvedLink> {
  if (!isLinkCode(code)) return { status: "unknown" };
  const row = await linkLoader().load(code);
  if (!row) return { status: "unknown" };
  const [
    linkCode,
    phone,
    expiresAt,
    senderId,
    senderCode,
    senderName,
    senderReceipt,
    senderSince,
    allReceipt,
    allSince,
    mintedAt,
    providerId,
    providerName,
    advertiser,
    purpose,
    basis,
    collectedAt,
    collectedHow,
    sourceId,
    sourceCode,
    sourceName,
    sourceKind,
    sourceReceipt,
    sourceSince,
  ] = row;
  const sender = { id: senderId, code: senderCode, name: senderName };
  if (expiresAt <= now) return { status: "expired", sender };
  return {
    status: "active",
    code: linkCode,
    phone,
    sender,
    providerId,
    providerName,
    mintedAt,
    opposedSender: senderReceipt ? { receiptId: senderReceipt, since: senderSince! } : null,
    opposedAll: allReceipt ? { receiptId: allReceipt, since: allSince! } : null,
    declaration:
      advertiser !== null
        ? {
            advertiser,
            purpose: purpose!,
            basis: basis!,
            source:
              sourceId !== null ? { id: sourceId, code: sourceCode!, name: sourceName!, kind: sourceKind! } : null,
            collectedAt: collectedAt!,
            collectedHow: collectedHow!,
          }
        : null,
    opposedSource: sourceReceipt ? { receiptId: sourceReceipt, since: sourceSince! } : null,
  };
}
