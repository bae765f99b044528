// The open data tests' fixtures: figures written straight into the base tables, and the published files read back.
import { expect } from "vitest";
import { GET } from "@/app/api/open/v1/[file]/route";
import { generateComplaintId } from "@/lib/complaints/create-complaint";
import { db } from "@/lib/db/client";
import { generateLinkCode } from "@/lib/links/link-code";
import { createProvider, uniquePhone, uniqueSlug } from "@/lib/testing/fixtures";
import { monthPeriod, type GridPeriod } from "@/lib/open-data/grid";
import { addDays, mondayOf } from "@/lib/open-data/open-period";

type Json = { from: string; to: string; rows: Record<string, unknown>[] };
export const get = (file: string, query = "", headers: Record<string, string> = {}) =>
  GET(
    new Request(`http://stopsms.test/api/open/v1/${file}${query}`, {
      headers: {
        "x-forwarded-for": `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
        ...headers,
      },
    }),
    {
      params: Promise.resolve({ file }),
    },
  );
export const json = async (file: string, query: string) => (await (await get(file, query)).json()) as Json;
export const of = (period: GridPeriod) => `?period=${period.id}`;
export const monthOf = (day: string) => monthPeriod(`${day.slice(0, 7)}-01`);

// Each test writes into weeks of its own, far enough back that no other test file (today's writes, the
// 90-day demo seed) touches them, so the figures can be compared exactly with SQL over the base tables.
export const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Africa/Casablanca" }).format(new Date());
export const weekAgo = (weeks: number) => addDays(mondayOf(today), -7 * weeks);

export async function sender(sector: string) {
  return db().sender.create({ data: { code: uniqueSlug("open"), name: "Open Sender", sector } });
}

/** Writes changes on a past day the way the write path does, then the rollups of those days from them. */
export async function refusals(
  day: string,
  count: number,
  what: { senderId?: number; source?: string; op?: "add" | "remove" },
) {
  for (let i = 0; i < count; i++) {
    await db().$executeRaw`
      INSERT INTO opposition_changes (op, reason, phone, scope, sender_id, source, at)
      VALUES (${what.op ?? "add"}::"ChangeOp", ${what.op === "remove" ? "withdrawn" : "opposed"}, ${uniquePhone()}, ${what.senderId ? "sender" : "all"}::"Scope",
              ${what.senderId ?? null}::int, ${what.source ?? "link"}::"OppositionSource", (${day}::date + time '12:00') AT TIME ZONE 'Africa/Casablanca')`;
  }
}

export async function rebuildRollups(from: string, to: string) {
  await db().$executeRaw`DELETE FROM daily_opposition_stats WHERE day BETWEEN ${from}::date AND ${to}::date`;
  await db().$executeRaw`
    INSERT INTO daily_opposition_stats (day, scope, sender_id, list_source_id, source, added, withdrawn)
    SELECT (at AT TIME ZONE 'Africa/Casablanca')::date, scope, sender_id, list_source_id, source,
           count(*) FILTER (WHERE op = 'add'), count(*) FILTER (WHERE op = 'remove')
    FROM opposition_changes
    WHERE at >= (${from}::date::timestamp AT TIME ZONE 'Africa/Casablanca') AND at < ((${to}::date + 1)::timestamp AT TIME ZONE 'Africa/Casablanca')
    GROUP BY 1, 2, 3, 4, 5`;
}

export async function minted(day: string, senderId: number, count: number) {
  await db()
    .$executeRaw`INSERT INTO daily_link_stats (day, sender_id, minted) VALUES (${day}::date, ${senderId}, ${count})`;
}

export async function complaint(day: string, senderId: number, verdict: string | null) {
  const at = new Date(`${day}T11:00:00Z`);
  await db().complaint.create({
    data: {
      id: generateComplaintId(),
      reason: "other",
      senderSeen: "x",
      messageText: "x",
      receivedAt: at,
      createdAt: at,
      senderId,
      verdict,
    },
  });
}

/** Links minted on a past day for the campaigns declaring a list source (null: the advertisers' own numbers). */
export async function sourceMinted(day: string, listSourceId: number | null, count: number) {
  const sender = await db().sender.create({ data: { code: uniqueSlug("src"), name: "Source sender" } });
  const provider = await createProvider([sender.id]);
  await db().$executeRaw`
    INSERT INTO daily_source_link_stats (day, list_source_id, sender_id, provider_id, minted)
    VALUES (${day}::date, ${listSourceId}::int, ${sender.id}, ${provider.id}, ${count})`;
}

/** Refusals of a list source on a past day, as the write path records them (rollups: rebuildRollups). */
export async function sourceRefusals(day: string, count: number, listSourceId: number) {
  for (let i = 0; i < count; i++)
    await db().$executeRaw`
      INSERT INTO opposition_changes (op, reason, phone, scope, list_source_id, source, at)
      VALUES ('add', 'opposed', ${uniquePhone()}, 'source', ${listSourceId}, 'link', (${day}::date + time '12:00') AT TIME ZONE 'Africa/Casablanca')`;
}

/** "I never agreed" complaints on a past day about the SMS of one campaign declaring `listSourceId`. */
export async function noConsentComplaints(day: string, count: number, listSourceId: number | null) {
  const sender = await db().sender.create({ data: { code: uniqueSlug("nc"), name: "No-consent sender" } });
  const provider = await createProvider([sender.id]);
  const campaign = uniqueSlug("campaign");
  await db().$executeRaw`
    INSERT INTO campaign_declarations (sender_id, campaign, provider_id, advertiser, purpose, basis, list_source_id, collected_at, collected_how)
    VALUES (${sender.id}, ${campaign}, ${provider.id}, 'Advertiser', 'Offers', 'consent', ${listSourceId}::int, '2026-01', 'A form')`;
  const at = new Date(`${day}T11:00:00Z`);
  for (let i = 0; i < count; i++) {
    const code = generateLinkCode();
    await db().$executeRaw`
      INSERT INTO stop_links (code, phone, sender_id, provider_id, campaign, created_at, expires_at)
      VALUES (${code}, ${uniquePhone()}, ${sender.id}, ${provider.id}, ${campaign}, ${at}, ${at}::timestamptz + interval '90 days')`;
    await db().complaint.create({
      data: {
        id: generateComplaintId(),
        reason: "no_consent",
        senderSeen: "x",
        messageText: "x",
        receivedAt: at,
        createdAt: at,
        senderId: sender.id,
        linkCode: code,
      },
    });
  }
}

export async function sql(query: string, ...params: unknown[]): Promise<number> {
  const rows = await db().$queryRawUnsafe<{ n: bigint }[]>(query, ...params);
  return Number(rows[0]?.n ?? 0);
}
export const inDays = `at >= ($1::date::timestamp AT TIME ZONE 'Africa/Casablanca') AND at < (($2::date + 1)::timestamp AT TIME ZONE 'Africa/Casablanca')`;

/** A published count against the truth: equal, or "masked" over a real count (1–9, or a hidden partner). */
export function expectPublished(published: unknown, truth: number) {
  if (published === "masked") expect(truth).toBeGreaterThan(0);
  else expect(published).toBe(truth);
}
