import "server-only";
import type { Tx } from "@/lib/db/client";

// The demo's provenance (issue 27): two registered list sources, a declaration for every demo campaign (a
// third from a broker, a third from a partner, the rest the advertiser's own), and a few "I never agreed"
// reports on the broker's links, so that the staff's sources table has something to rank and the open data
// something to publish by source.
export async function insertDemoProvenance(tx: Tx, now: Date): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO list_sources (code, name, kind, registration, contact) VALUES
      ('databroker-x', 'DataBroker X', 'broker', 'RC 123456', 'dpo@databroker-x.example'),
      ('fidelite-plus', 'Fidélité Plus', 'partner', NULL, NULL)
    ON CONFLICT (code) DO NOTHING`;
  await tx.$executeRaw`
    INSERT INTO campaign_declarations (sender_id, campaign, provider_id, advertiser, purpose, basis, list_source_id, collected_at, collected_how, created_at)
    SELECT l.sender_id, l.campaign, min(l.provider_id), s.name, 'offres promotionnelles',
           CASE WHEN s.sector <> 'politics' AND right(l.campaign, 1)::int % 3 = 1 THEN 'customer' ELSE 'consent' END,
           CASE right(l.campaign, 1)::int % 3 WHEN 0 THEN (SELECT id FROM list_sources WHERE code = 'databroker-x')
                                              WHEN 1 THEN (SELECT id FROM list_sources WHERE code = 'fidelite-plus') END,
           '2025-03',
           CASE right(l.campaign, 1)::int % 3 WHEN 0 THEN 'jeu-concours en ligne' WHEN 1 THEN 'carte de fidélité partenaire'
                                              ELSE 'inscription en magasin' END,
           min(l.created_at)
    FROM stop_links l JOIN senders s ON s.id = l.sender_id
    WHERE l.campaign LIKE 'demo-%'
    GROUP BY l.sender_id, l.campaign, s.name, s.sector
    ON CONFLICT DO NOTHING`;
  await tx.$executeRaw`
    INSERT INTO complaints (id, reason, sender_seen, sender_id, message_text, received_at, phone, status, created_at, updated_at,
                            link_code, provider_id, verified, respond_by)
    SELECT 'C-NC' || lpad(row_number() OVER (ORDER BY l.code)::text, 3, '0') || '-DEMOX', 'no_consent', s.name, l.sender_id, '',
           l.created_at, l.phone, 'new', l.created_at + interval '1 hour', ${now}, l.code, l.provider_id, true,
           l.created_at + interval '15 days'
    FROM stop_links l JOIN senders s ON s.id = l.sender_id
    JOIN campaign_declarations d ON d.sender_id = l.sender_id AND d.campaign = l.campaign
    WHERE d.list_source_id = (SELECT id FROM list_sources WHERE code = 'databroker-x')
    ORDER BY l.code LIMIT 12
    ON CONFLICT DO NOTHING`;
  // The demo's links were written straight into stop_links: their per-source rollup (open data) from them.
  await tx.$executeRaw`
    INSERT INTO daily_source_link_stats (day, list_source_id, sender_id, provider_id, minted)
    SELECT (l.created_at AT TIME ZONE 'Africa/Casablanca')::date, d.list_source_id, l.sender_id, l.provider_id, count(*)
    FROM stop_links l JOIN campaign_declarations d ON d.sender_id = l.sender_id AND d.campaign = l.campaign
    WHERE l.campaign LIKE 'demo-%'
    GROUP BY 1, 2, 3, 4
    ON CONFLICT (day, list_source_id, sender_id, provider_id) DO UPDATE SET minted = EXCLUDED.minted`;
}
