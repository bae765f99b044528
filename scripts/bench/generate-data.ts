import pg from "pg";

// National-scale data, written set-based in SQL (generate_series), in time order so seq grows with time:
// 7.5 M oppositions of which 5 M in force (30 % scope all, the rest over 40 senders), 10 M feed changes
// (every in-force add, plus an add and a remove for each of 2.5 M withdrawn ones) over 180 days, and the
// daily rollups. Phone numbers are valid Moroccan mobiles (+21261…), so the wash parses them all.

export const IN_FORCE = 5_000_000;
export const SENDERS = 40;
export const LINKS = 1_000_000;
export const GENERATED_CAMPAIGN = "bench-generated";

const ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/**
 * 1 M minted links, as a provider's campaigns would leave them, to numbers with no opposition (+2127…).
 * Codes are i·p mod 57^8 written in the link alphabet: p is a prime not dividing 57, so the map is a
 * bijection and the codes are distinct.
 */
export async function generateBenchLinks(client: pg.Client, log: (line: string) => void): Promise<void> {
  const started = Date.now();
  const digits = Array.from(
    { length: 8 },
    (_, k) => `substr('${ALPHABET}', ((x / ${57 ** k}::int8) % 57)::int + 1, 1)`,
  ).join(" || ");
  await client.query(`
    INSERT INTO stop_links (code, phone, sender_id, provider_id, campaign, created_at, expires_at)
    SELECT ${digits}, '+2127' || (10000000 + i)::text,
           (SELECT min(id) FROM senders WHERE code LIKE 'bench-sender-%') + (i % ${SENDERS}),
           (SELECT id FROM providers WHERE slug = 'bench-provider'), '${GENERATED_CAMPAIGN}',
           now() - interval '10 days', now() + interval '80 days'
    FROM (SELECT i, (i * 982451653::int8) % ${57 ** 8}::int8 AS x FROM generate_series(1, ${LINKS}) i) g`);
  log(`  stop_links (1 M): ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * `inForce` oppositions in force (5 M by default, the national-scale data set; `npm run bench -- --scale`
 * generates 1 M and 20 M too), half as many withdrawn, and a feed twice the size in force.
 */
export async function generateBenchData(
  client: pg.Client,
  log: (line: string) => void,
  inForce = IN_FORCE,
  { vacuum = true }: { vacuum?: boolean } = {},
): Promise<void> {
  const withdrawn = inForce / 2;
  const millions = (n: number) => `${n / 1_000_000} M`;
  const step = async (label: string, sql: string) => {
    const started = Date.now();
    await client.query(sql);
    log(`  ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
  await step(
    "senders and provider",
    `
    INSERT INTO senders (code, name, updated_at) SELECT 'bench-sender-' || i, 'Bench Sender ' || i, now() FROM generate_series(1, ${SENDERS}) i;
    INSERT INTO providers (slug, name, anrt_number, updated_at) VALUES ('bench-provider', 'Bench Provider', 'ANRT-BENCH', now());
    INSERT INTO provider_senders (provider_id, sender_id) SELECT p.id, s.id FROM providers p, senders s WHERE p.slug = 'bench-provider';`,
  );
  // Oppositions 1..1.5 × inForce: i <= inForce stay in force; the others are added then withdrawn.
  const total = inForce + withdrawn;
  // The changes carry their log index and salt; the transparency log's leaves and subtree hashes are then
  // built set-based (log_complete_bulk_load), not row by row by the trigger, which is off for this insert.
  await step(
    `opposition_changes (${millions(2 * inForce)})`,
    `
    SET session_replication_role = replica;
    INSERT INTO opposition_changes (op, phone, scope, sender_id, source, reason, at, log_index, salt)
    SELECT e.op::"ChangeOp", '+2126' || (10000000 + e.i)::text,
           CASE WHEN e.i % 10 < 3 THEN 'all'::"Scope" ELSE 'sender'::"Scope" END,
           CASE WHEN e.i % 10 < 3 THEN NULL ELSE (SELECT min(id) FROM senders WHERE code LIKE 'bench-sender-%') + (e.i % ${SENDERS}) END,
           (ARRAY['link','link','web','keyword']::"OppositionSource"[])[1 + e.i % 4],
           CASE WHEN e.op = 'add' THEN 'opposed' ELSE 'withdrawn' END,
           now() - interval '180 days' + (e.t * interval '180 days'),
           row_number() OVER (ORDER BY e.t, e.i, e.op) - 1, log_new_salt()
    FROM (
      SELECT i, 'add' AS op, i::float8 / ${total} AS t FROM generate_series(1, ${total}) i
      UNION ALL
      SELECT i, 'remove', (i::float8 / ${total}) + (1 - i::float8 / ${total}) * 0.5 FROM generate_series(${inForce + 1}, ${total}) i
    ) e ORDER BY e.t, e.i, e.op;
    SET session_replication_role = DEFAULT`,
  );
  await step(
    `transparency log: ${millions(2 * inForce)} leaves and their subtree hashes`,
    "SELECT log_complete_bulk_load()",
  );
  await step(
    `oppositions (${millions(inForce + withdrawn)}, ${millions(inForce)} in force)`,
    `
    INSERT INTO oppositions (phone, scope, sender_id, source, verified, created_at, withdrawn_at, last_seq, receipt_id, ended_reason)
    SELECT a.phone, a.scope, a.sender_id, a.source, true, a.at, r.at, coalesce(r.seq, a.seq), 'R-BENCH-' || a.seq, CASE WHEN r.at IS NOT NULL THEN 'withdrawn' END
    FROM opposition_changes a LEFT JOIN opposition_changes r ON r.phone = a.phone AND r.op = 'remove'
    WHERE a.op = 'add' AND a.phone LIKE '+2126%'
    ORDER BY a.seq`,
  );
  await step(
    "daily rollups",
    `
    INSERT INTO daily_opposition_stats (day, scope, sender_id, list_source_id, source, added, withdrawn)
    SELECT (at AT TIME ZONE 'Africa/Casablanca')::date, scope, sender_id, list_source_id, source, count(*) FILTER (WHERE op = 'add'), count(*) FILTER (WHERE op = 'remove')
    FROM opposition_changes GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (day, scope, sender_id, list_source_id, source) DO UPDATE SET added = EXCLUDED.added, withdrawn = EXCLUDED.withdrawn`,
  );
  await generateBenchLinks(client, log);
  // As autovacuum would leave it in production: index-only scans need the visibility map (docs/performance.md).
  // The full bench vacuums itself, after measuring the data as just loaded.
  if (vacuum) await step("vacuum and analyze", "VACUUM (ANALYZE)");
  await client.query("CREATE TABLE IF NOT EXISTS bench_marker (generated_at timestamptz, vacuumed_at timestamptz)");
  await client.query("INSERT INTO bench_marker VALUES (now(), CASE WHEN $1 THEN now() END)", [vacuum]);
}
