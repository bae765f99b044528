import "server-only";
import { generateKeyPairSync } from "node:crypto";
import { db, type Tx } from "@/lib/db/client";
import { lockFeed } from "@/lib/oppositions/feed-lock";
import { generateReceiptId } from "@/lib/oppositions/receipt-id";
import { TIME_ZONE } from "@/lib/time-zone";
import { insertDemoProvenance } from "./seed-provenance";

// Demo data for a newcomer's dashboard: providers with keys, senders, a few thousand oppositions over
// 90 days written through the same tables the write path uses (feed, receipts, rollups), minted links
// and complaints. Deterministic (seeded PRNG) and idempotent (an audit row marks it done).

const SENDERS = [
  ["souk-market", "Souk Market"],
  ["atlas-bank", "Atlas Bank"],
  ["marjane-promo", "Marjane Promo"],
  ["kiosk-mobile", "Kiosk Mobile"],
  ["riad-voyages", "Riad Voyages"],
  ["sahara-assurance", "Sahara Assurance"],
  ["medina-fashion", "Medina Fashion"],
  ["casa-immo", "Casa Immo"],
] as const;

const PROVIDERS = [
  {
    slug: "acme-telecom",
    name: "Acme Télécom SA",
    anrt: "ANRT/VAS/2026-001",
    senders: ["souk-market", "atlas-bank", "marjane-promo", "kiosk-mobile"],
  },
  {
    slug: "bulk-sms-maroc",
    name: "Bulk SMS Maroc SARL",
    anrt: "ANRT/VAS/2026-002",
    senders: ["riad-voyages", "sahara-assurance", "souk-market"],
  },
  {
    slug: "orion-operator",
    name: "Orion Opérateur",
    anrt: "ANRT/OP/2026-003",
    senders: ["medina-fashion", "casa-immo", "atlas-bank"],
  },
];

const MARKER = "seed.demo";

function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What the demo data holds, for `npm run seed` to say. */
export const DEMO_CONTENTS = {
  providers: PROVIDERS.map((p) => ({ slug: p.slug, name: p.name, keyid: `${p.slug}-demo-01`, senders: p.senders })),
  senders: SENDERS.map(([code, name]) => ({ code, name })),
};

export interface SeedResult {
  seeded: boolean;
  /** Private keys of the demo providers, to try the provider API; never produced outside the seed. */
  privateKeys: { keyid: string; pem: string }[];
}

export async function seedDemoData(options: { oppositions?: number; now?: Date } = {}): Promise<SeedResult> {
  const count = options.oppositions ?? 3000;
  const now = options.now ?? new Date();
  return db().$transaction(
    async (tx) => {
      await lockFeed(tx);
      if (await tx.auditLog.findFirst({ where: { action: MARKER } })) return { seeded: false, privateKeys: [] };
      const senderIds = await upsertSenders(tx);
      const privateKeys = await upsertProviders(tx, senderIds);
      const random = prng(20261123);
      await insertOppositionHistory(tx, senderIds, count, now, random);
      await insertLinks(tx, senderIds, now);
      await insertDemoProvenance(tx, now);
      await insertComplaints(tx, senderIds, now, random);
      await tx.auditLog.create({
        data: { actorLabel: "cli:seed", action: MARKER, targetType: "database", after: { oppositions: count } },
      });
      return { seeded: true, privateKeys };
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
}

async function upsertSenders(tx: Tx): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const [code, name] of SENDERS) {
    const sender = await tx.sender.upsert({
      where: { code },
      update: {},
      create: { code, name, smsSenderIds: [code.split("-")[0]!.toUpperCase()] },
    });
    ids.set(code, sender.id);
  }
  return ids;
}

async function upsertProviders(tx: Tx, senderIds: Map<string, number>) {
  const privateKeys: SeedResult["privateKeys"] = [];
  for (const p of PROVIDERS) {
    const provider = await tx.provider.upsert({
      where: { slug: p.slug },
      update: {},
      create: { slug: p.slug, name: p.name, anrtNumber: p.anrt, contact: `noc@${p.slug}.example` },
    });
    for (const code of p.senders) {
      await tx.$executeRaw`INSERT INTO provider_senders (provider_id, sender_id) VALUES (${provider.id}, ${senderIds.get(code)!}) ON CONFLICT DO NOTHING`;
    }
    const keyid = `${p.slug}-demo-01`;
    if (!(await tx.providerKey.findUnique({ where: { keyid } }))) {
      const { publicKey, privateKey } = generateKeyPairSync("ed25519");
      await tx.providerKey.create({
        data: {
          keyid,
          providerId: provider.id,
          publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
        },
      });
      privateKeys.push({ keyid, pem: privateKey.export({ type: "pkcs8", format: "pem" }).toString() });
    }
  }
  return privateKeys;
}

async function insertOppositionHistory(
  tx: Tx,
  senderIds: Map<string, number>,
  count: number,
  now: Date,
  random: () => number,
) {
  const codes = [...senderIds.keys()];
  const sources = ["link", "link", "link", "link", "web", "web", "keyword", "keyword", "staff"] as const;
  const dayMs = 86_400_000;
  const events: {
    op: string;
    phone: string;
    scope: string;
    senderId: number | null;
    source: string;
    at: Date;
    receipt: string;
    verified: boolean;
  }[] = [];
  const seen = new Set<string>();
  while (events.filter((e) => e.op === "add").length < count) {
    const phone = `+21261${String(1_000_000 + Math.floor(random() * 8_999_999))}`;
    const all = random() < 0.3;
    // Popular senders draw more oppositions: a skewed pick.
    const code = codes[Math.floor(random() ** 1.7 * codes.length)]!;
    const senderId = all ? null : senderIds.get(code)!;
    const key = `${phone}|${senderId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const source = sources[Math.floor(random() * sources.length)]!;
    const at = new Date(now.getTime() - random() * 90 * dayMs);
    const scope = all ? "all" : "sender";
    events.push({
      op: "add",
      phone,
      scope,
      senderId,
      source,
      at,
      receipt: generateReceiptId(),
      verified: source !== "web",
    });
    if (random() < 0.06) {
      const later = new Date(at.getTime() + random() * (now.getTime() - at.getTime()));
      events.push({
        op: "remove",
        phone,
        scope,
        senderId,
        source: "web",
        at: later,
        receipt: generateReceiptId(),
        verified: false,
      });
    }
  }
  events.sort((a, b) => a.at.getTime() - b.at.getTime());

  await tx.$executeRawUnsafe(`CREATE TEMP TABLE seed_events (
      ord int, op "ChangeOp", phone text, scope "Scope", sender_id int, source "OppositionSource",
      at timestamptz, receipt text, verified boolean, seq bigint) ON COMMIT DROP`);
  await tx.$executeRaw`
    INSERT INTO seed_events (ord, op, phone, scope, sender_id, source, at, receipt, verified)
    SELECT ord, op::"ChangeOp", phone, scope::"Scope", sender_id, source::"OppositionSource", at, receipt, verified
    FROM unnest(${events.map((_, i) => i)}::int[], ${events.map((e) => e.op)}::text[], ${events.map((e) => e.phone)}::text[],
                ${events.map((e) => e.scope)}::text[], ${events.map((e) => e.senderId)}::int[], ${events.map((e) => e.source)}::text[],
                ${events.map((e) => e.at)}::timestamptz[], ${events.map((e) => e.receipt)}::text[], ${events.map((e) => e.verified)}::boolean[])
         AS t(ord, op, phone, scope, sender_id, source, at, receipt, verified)`;
  // Seqs in time order, like the live write path produces them.
  await tx.$executeRawUnsafe(`
    WITH ordered AS (
      SELECT ord, nextval(pg_get_serial_sequence('opposition_changes', 'seq')) AS seq FROM seed_events ORDER BY ord
    )
    UPDATE seed_events e SET seq = ordered.seq FROM ordered WHERE ordered.ord = e.ord`);
  await tx.$executeRawUnsafe(`
    INSERT INTO opposition_changes (seq, op, phone, scope, sender_id, source, reason, at)
    SELECT seq, op, phone, scope, sender_id, source, CASE WHEN op = 'add' THEN 'opposed' ELSE 'withdrawn' END, at FROM seed_events ORDER BY seq`);
  await tx.$executeRawUnsafe(`
    INSERT INTO oppositions (phone, scope, sender_id, source, verified, created_at, withdrawn_at, last_seq, receipt_id)
    SELECT DISTINCT ON (a.phone, a.scope, a.sender_id) a.phone, a.scope, a.sender_id, a.source, a.verified, a.at,
           (SELECT r.at FROM seed_events r WHERE r.op = 'remove' AND r.phone = a.phone AND r.sender_id IS NOT DISTINCT FROM a.sender_id),
           COALESCE((SELECT r.seq FROM seed_events r WHERE r.op = 'remove' AND r.phone = a.phone AND r.sender_id IS NOT DISTINCT FROM a.sender_id), a.seq),
           a.receipt
    FROM seed_events a WHERE a.op = 'add'
    ORDER BY a.phone, a.scope, a.sender_id, a.seq`);
  await tx.$executeRawUnsafe(
    "UPDATE oppositions SET ended_reason = 'withdrawn' WHERE withdrawn_at IS NOT NULL AND ended_reason IS NULL",
  );
  await tx.$executeRawUnsafe(`
    INSERT INTO receipts (id, op, opposition_id, phone, scope, sender_id, source, seq, created_at)
    SELECT e.receipt, e.op, o.id, e.phone, e.scope, e.sender_id, e.source, e.seq, e.at
    FROM seed_events e JOIN oppositions o ON o.phone = e.phone AND o.scope = e.scope AND o.sender_id IS NOT DISTINCT FROM e.sender_id`);
  await tx.$executeRawUnsafe(`
    INSERT INTO daily_opposition_stats (day, scope, sender_id, source, added, withdrawn)
    SELECT (at AT TIME ZONE '${TIME_ZONE}')::date, scope, sender_id, source,
           count(*) FILTER (WHERE op = 'add'), count(*) FILTER (WHERE op = 'remove')
    FROM seed_events GROUP BY 1, 2, 3, 4
    ON CONFLICT (day, scope, sender_id, list_source_id, source) DO UPDATE
      SET added = daily_opposition_stats.added + EXCLUDED.added, withdrawn = daily_opposition_stats.withdrawn + EXCLUDED.withdrawn`);
}

async function insertLinks(tx: Tx, senderIds: Map<string, number>, now: Date) {
  const provider = await tx.provider.findUniqueOrThrow({ where: { slug: "acme-telecom" } });
  const alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  // 90 days x 8 senders x ~25 links, codes derived from md5 so the SQL stays set-based.
  await tx.$executeRaw`
    INSERT INTO stop_links (code, phone, sender_id, provider_id, campaign, created_at, expires_at)
    SELECT (SELECT string_agg(substr(${alphabet}, 1 + (get_byte(decode(md5(s.id || '-' || d || '-' || n), 'hex'), i) % 57), 1), '' ORDER BY i)
              FROM generate_series(0, 7) AS i),
           '+21261' || ((s.id * 7919 + d * 104729 + n * 31) % 9000000 + 1000000)::text,
           s.id, ${provider.id}, 'demo-' || d, ts, ts + interval '90 days'
    FROM unnest(${[...senderIds.values()]}::int[]) AS s(id),
         generate_series(0, 89) AS d,
         generate_series(1, 10 + (d % 30)) AS n,
         LATERAL (SELECT ${now}::timestamptz - make_interval(days => d) AS ts) t
    ON CONFLICT DO NOTHING`;
  await tx.$executeRawUnsafe(`
    INSERT INTO daily_link_stats (day, sender_id, minted)
    SELECT (created_at AT TIME ZONE '${TIME_ZONE}')::date, sender_id, count(*) FROM stop_links GROUP BY 1, 2
    ON CONFLICT (day, sender_id) DO UPDATE SET minted = EXCLUDED.minted`);
}

async function insertComplaints(tx: Tx, senderIds: Map<string, number>, now: Date, random: () => number) {
  const statuses = ["new", "new", "new", "reviewing", "forwarded", "closed"] as const;
  const reasons = ["no_mention", "after_opposition", "other"] as const;
  const codes = [...senderIds.keys()];
  for (let i = 0; i < 40; i++) {
    const code = codes[Math.floor(random() * codes.length)]!;
    const receivedAt = new Date(now.getTime() - random() * 60 * 86_400_000);
    await tx.complaint.create({
      data: {
        id: `C-DEMO${String(i).padStart(2, "0")}-${code.slice(0, 4).toUpperCase()}`,
        reason: reasons[Math.floor(random() * reasons.length)]!,
        senderSeen: code.split("-")[0]!.toUpperCase(),
        senderId: senderIds.get(code)!,
        messageText: "Promo -50% ce week-end seulement ! Répondez OUI pour en profiter.",
        receivedAt,
        status: statuses[Math.floor(random() * statuses.length)]!,
        createdAt: new Date(receivedAt.getTime() + 3_600_000),
      },
    });
  }
}
