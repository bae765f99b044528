import "server-only";
import { pool } from "@/lib/db/client";
import { OWN_SOURCE, type Basis } from "./schemas";

/** A campaign's declaration as the protocol writes it (SYNC-PROTOCOL 1.2). */
export interface Declaration {
  advertiser: string;
  purpose: string;
  basis: Basis;
  /** `own`, or a registered source's code. */
  source: string;
  collected_at: string;
  collected_how: string;
}

/** The declaration with what the pages show beside it: the source's name and kind, who declared it. */
export interface DeclarationView extends Declaration {
  listSource: { id: number; code: string; name: string; kind: string } | null;
  declaredBy: { slug: string; name: string };
  declaredAt: Date;
}

interface Row {
  advertiser: string;
  purpose: string;
  basis: Basis;
  collected_at: string;
  collected_how: string;
  created_at: Date;
  source_id: number | null;
  source_code: string | null;
  source_name: string | null;
  source_kind: string | null;
  provider_slug: string;
  provider_name: string;
}

const READ = `
  SELECT d.advertiser, d.purpose, d.basis, d.collected_at, d.collected_how, d.created_at,
         ls.id AS source_id, ls.code AS source_code, ls.name AS source_name, ls.kind AS source_kind,
         p.slug AS provider_slug, p.name AS provider_name
  FROM campaign_declarations d JOIN providers p ON p.id = d.provider_id
  LEFT JOIN list_sources ls ON ls.id = d.list_source_id
  WHERE d.sender_id = $1 AND d.campaign = $2`;

function viewOf(row: Row): DeclarationView {
  return {
    advertiser: row.advertiser,
    purpose: row.purpose,
    basis: row.basis,
    source: row.source_code ?? OWN_SOURCE,
    collected_at: row.collected_at,
    collected_how: row.collected_how,
    listSource:
      row.source_id === null
        ? null
        : { id: row.source_id, code: row.source_code!, name: row.source_name!, kind: row.source_kind! },
    declaredBy: { slug: row.provider_slug, name: row.provider_name },
    declaredAt: row.created_at,
  };
}

export async function readCampaignDeclaration(senderId: number, campaign: string): Promise<DeclarationView | null> {
  const { rows } = await pool().query<Row>(READ, [senderId, campaign]);
  return rows[0] ? viewOf(rows[0]) : null;
}

/**
 * The same members built by PostgreSQL, for queries that read many declarations at once: over
 * `campaign_declarations d LEFT JOIN list_sources ls ON ls.id = d.list_source_id`.
 */
export const DECLARATION_JSON_SQL = `jsonb_build_object('advertiser', d.advertiser, 'purpose', d.purpose,
  'basis', d.basis, 'source', COALESCE(ls.code, '${OWN_SOURCE}'), 'collected_at', d.collected_at,
  'collected_how', d.collected_how)`;

/**
 * Every "I never agreed" complaint made from a link, with the list source its campaign declared (NULL: the
 * advertiser's own numbers) and the link's sender and provider: the one join that charges such a complaint
 * to a source, for the open data and the staff's source pages. Used as `FROM ${NO_CONSENT_BY_SOURCE_SQL} nc`.
 */
export const NO_CONSENT_BY_SOURCE_SQL = `(SELECT c.created_at, l.sender_id, l.provider_id, d.list_source_id
  FROM complaints c JOIN stop_links l ON l.code = c.link_code
  JOIN campaign_declarations d ON d.sender_id = l.sender_id AND d.campaign = l.campaign
  WHERE c.reason = 'no_consent')`;

/** The protocol's members only (for 409 answers and complaint packs). */
export function declarationOf(view: DeclarationView): Declaration {
  const { advertiser, purpose, basis, source, collected_at, collected_how } = view;
  return { advertiser, purpose, basis, source, collected_at, collected_how };
}
