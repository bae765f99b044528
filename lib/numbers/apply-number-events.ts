import "server-only";
import type { PoolClient } from "pg";
import { pool } from "@/lib/db/client";
import { problems } from "@/lib/problems";
import { FEED_LOCK_KEY } from "@/lib/oppositions/feed-lock";
import type { PhoneProblem } from "@/lib/phone/parse-phone";
import { parsePhone } from "@/lib/phone/parse-phone";
import { TIME_ZONE } from "@/lib/time-zone";
import { applyStoredEvents, type RunStatement } from "./apply-stored-events";

// Operators' number events (docs/protocol.md 1.2), checked and applied in one transaction under the feed
// lock, set-based: a call of 10 000 events is a handful of statements. An operator acts only on its own
// numbers, on recent facts, and at a volume staff can review:
// - every number must be in the caller's ranges or ported to it, else nothing of the call applies (422);
// - every `at` within the last 7 days and at most 5 minutes ahead, else nothing applies (422);
// - past the daily review threshold of disconnections, the call's further events are stored as held, an
//   integrity alert is raised, and staff approve or reject them (lib/numbers/review-held-events.ts).
// Each event is stored once (operator, number, event, time): a replayed batch is accepted without effect.

export const NUMBER_EVENTS = ["disconnected", "reinstated", "ported"] as const;
export type NumberEventKind = (typeof NUMBER_EVENTS)[number];
const AHEAD_MS = 5 * 60_000;
const BACK_MS = 7 * 86_400_000;

export interface NumberEventInput {
  phone: string;
  event: NumberEventKind;
  at: string;
  to?: string;
}

export interface NumberEventsResult {
  accepted: number;
  ended: number;
  restored: number;
  /** Events stored for staff review, not applied (answered 202). */
  held: number;
  invalid: { input: string; reason: PhoneProblem }[];
}

interface Caller {
  providerId: number;
  keyid: string;
  providerKind: string;
}

export function assertOperator(caller: { providerKind: string }): void {
  if (caller.providerKind !== "operator") throw problems.forbidden("only operators may report number events");
}

const NOT_OWNED = `
  SELECT p.phone FROM unnest($1::text[]) AS p(phone)
  WHERE NOT coalesce(
    (SELECT o.provider_id = $2 FROM number_owners o WHERE o.phone = p.phone),
    EXISTS (SELECT 1 FROM provider_number_ranges r WHERE r.provider_id = $2
            AND length(r.first_number) = length(p.phone) AND p.phone BETWEEN r.first_number AND r.last_number))
  ORDER BY p.phone`;

const DISCONNECTED_TODAY = `
  SELECT count(*)::int AS n FROM number_events
  WHERE provider_id = $1 AND event = 'disconnected' AND status = 'applied'
    AND received_at >= (date_trunc('day', now() AT TIME ZONE '${TIME_ZONE}') AT TIME ZONE '${TIME_ZONE}')`;

const INSERT = `
  INSERT INTO number_events (phone, event, at, to_provider_id, status, held_alert_id, provider_id, keyid)
  SELECT phone, event, at, to_id, status, $6, $7, $8
  FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::int[], $5::text[]) AS e(phone, event, at, to_id, status)
  ON CONFLICT (provider_id, phone, event, at) DO NOTHING RETURNING id, status`;

type Checked = { phone: string; event: NumberEventKind; at: string; to?: string };

/** Phones parsed (bad ones reported, as in 1.1); a call with any `at` out of the window is refused whole. */
function checkEvents(events: NumberEventInput[], defaultRegion: string, now: Date) {
  const invalid: NumberEventsResult["invalid"] = [];
  const valid: Checked[] = [];
  const outOfRange: string[] = [];
  for (const event of events) {
    const at = Date.parse(event.at);
    if (!(at >= now.getTime() - BACK_MS && at <= now.getTime() + AHEAD_MS)) outOfRange.push(event.phone);
    const parsed = parsePhone(event.phone, defaultRegion);
    if (!parsed.ok) invalid.push({ input: event.phone, reason: parsed.reason });
    else valid.push({ ...event, phone: parsed.e164, at: new Date(at).toISOString() });
  }
  if (outOfRange.length > 0) throw problems.atOutOfRange(outOfRange.slice(0, 100));
  return { invalid, valid };
}

/** The events that fit under today's review threshold apply; from the first disconnection past it, all are held. */
function splitForReview(events: Checked[], budget: number): { apply: Checked[]; hold: Checked[] } {
  let left = budget;
  const firstHeld = events.findIndex((e) => e.event === "disconnected" && left-- <= 0);
  return firstHeld < 0
    ? { apply: events, hold: [] }
    : { apply: events.slice(0, firstHeld), hold: events.slice(firstHeld) };
}

export async function applyNumberEvents(
  caller: Caller,
  events: NumberEventInput[],
  options: { defaultRegion: string; reviewPerDay: number; now?: Date },
): Promise<NumberEventsResult> {
  assertOperator(caller);
  const { invalid, valid } = checkEvents(events, options.defaultRegion, options.now ?? new Date());
  if (valid.length === 0) return { accepted: 0, ended: 0, restored: 0, held: 0, invalid };

  const client = await pool().connect();
  const run: RunStatement = async (sql, params) => (await client.query(sql, params)).rowCount ?? 0;
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [FEED_LOCK_KEY]);
    const notOwned = await client.query<{ phone: string }>(NOT_OWNED, [
      [...new Set(valid.map((e) => e.phone))],
      caller.providerId,
    ]);
    if (notOwned.rows.length > 0) throw problems.numberNotOwned(notOwned.rows.map((r) => r.phone));
    const receivers = await receivingOperators(client, valid);

    const today = (await client.query<{ n: number }>(DISCONNECTED_TODAY, [caller.providerId])).rows[0]!.n;
    const { apply, hold } = splitForReview(valid, options.reviewPerDay - today);
    const alertId = hold.length > 0 ? await raiseHeldAlert(client, caller, hold, options.reviewPerDay) : null;
    const rows = [...apply.map((e) => ({ ...e, status: "applied" })), ...hold.map((e) => ({ ...e, status: "held" }))];
    const inserted = await client.query<{ id: string; status: string }>(INSERT, [
      rows.map((e) => e.phone),
      rows.map((e) => e.event),
      rows.map((e) => e.at),
      rows.map((e) => (e.to ? receivers.get(e.to)! : null)),
      rows.map((e) => e.status),
      alertId,
      caller.providerId,
      caller.keyid,
    ]);
    const applied = inserted.rows.filter((r) => r.status === "applied").map((r) => r.id);
    const { ended, restored } = await applyStoredEvents(run, applied);
    await client.query("COMMIT");
    return { accepted: apply.length, ended, restored, held: hold.length, invalid };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** `to` of each ported event: an active operator's id, else the call is refused (422). */
async function receivingOperators(client: PoolClient, events: Checked[]): Promise<Map<string, number>> {
  const slugs = [...new Set(events.flatMap((e) => (e.to ? [e.to] : [])))];
  if (slugs.length === 0) return new Map();
  const found = await client.query<{ slug: string; id: number }>(
    "SELECT slug, id FROM providers WHERE slug = ANY($1::text[]) AND kind = 'operator' AND status = 'active'",
    [slugs],
  );
  const ids = new Map(found.rows.map((r) => [r.slug, r.id]));
  const unknown = slugs.filter((slug) => !ids.has(slug));
  if (unknown.length > 0)
    throw problems.invalidRequest(
      unknown.map((slug) => ({ field: "events.to", message: `${slug} is not an operator` })),
    );
  return ids;
}

async function raiseHeldAlert(client: PoolClient, caller: Caller, hold: Checked[], threshold: number) {
  const details = {
    held: hold.length,
    disconnected: hold.filter((e) => e.event === "disconnected").length,
    threshold,
  };
  const rows = await client.query<{ id: string }>(
    `INSERT INTO integrity_alerts (kind, list_provider_id, caller_provider_id, keyid, endpoint, phones, details)
     VALUES ('number-events-held', $1, $1, $2, 'POST /numbers/events', $3::text[], $4::jsonb) RETURNING id`,
    [caller.providerId, caller.keyid, hold.slice(0, 20).map((e) => e.phone), JSON.stringify(details)],
  );
  return rows.rows[0]!.id;
}
