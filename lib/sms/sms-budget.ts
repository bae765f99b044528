import "server-only";
import { pool } from "@/lib/db/client";
import { numberPrefix } from "@/lib/phone/is-national-mobile";
import { logger } from "@/lib/log";

// The platform's SMS budget: every SMS it sends (a code today, a receipt tomorrow) costs money and is what
// SMS pumping fraud steals, so anonymous requests draw on one hourly budget for the whole platform. Counted
// per number prefix, so that staff see where an attack comes from. Taken under a lock: at most `perHour`
// SMS an hour, exactly, even under a burst.

export const BUDGET_ALERT_SHARE = 0.8;
/** A prefix drawing more than this share of the budget in an hour is an anomaly (normal traffic spreads). */
export const PREFIX_ANOMALY_SHARE = 0.1;

export type BudgetDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const TAKE = `
  WITH total AS (SELECT coalesce(sum(count), 0)::int AS n FROM sms_hourly WHERE hour = date_trunc('hour', $3::timestamptz))
  INSERT INTO sms_hourly (hour, prefix, count)
  SELECT date_trunc('hour', $3::timestamptz), $1, 1 FROM total WHERE total.n < $2
  ON CONFLICT (hour, prefix) DO UPDATE SET count = sms_hourly.count + 1
  RETURNING count, (SELECT n FROM total) + 1 AS total`;

/** One SMS to `phone` from this hour's budget, or the wait until the next hour. */
export async function takeSmsBudget(phone: string, perHour: number, now = new Date()): Promise<BudgetDecision> {
  const prefix = numberPrefix(phone);
  const client = await pool().connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtextextended('sms-budget', 0))");
    const { rows } = await client.query<{ count: number; total: number }>(TAKE, [prefix, perHour, now]);
    await client.query("COMMIT");
    if (rows.length === 0) {
      const nextHour = Math.ceil((now.getTime() + 1) / 3_600_000) * 3_600_000;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((nextHour - now.getTime()) / 1000)) };
    }
    const { count, total } = rows[0]!;
    if (count === Math.ceil(perHour * PREFIX_ANOMALY_SHARE))
      logger.warn({ prefix, count, perHour }, "sms budget: one number prefix draws an anomalous share of codes");
    if (total === Math.ceil(perHour * BUDGET_ALERT_SHARE)) logger.warn({ total, perHour }, "sms budget: 80 % used");
    return { allowed: true };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Gives an SMS back to the budget: the gateway refused it, so it reached nobody and cost nothing. */
export async function returnSmsBudget(phone: string, now = new Date()): Promise<void> {
  await pool().query(
    "UPDATE sms_hourly SET count = greatest(count - 1, 0) WHERE hour = date_trunc('hour', $2::timestamptz) AND prefix = $1",
    [numberPrefix(phone), now],
  );
}

export interface SmsBudgetView {
  lastHour: number;
  perHour: number;
  alert: boolean;
  /** Prefixes over their anomalous share this hour, largest first. */
  anomalies: { prefix: string; count: number }[];
}

/** The dashboard's view of the budget: this hour's count, the 80 % alert and the anomalous prefixes. */
export async function readSmsBudget(perHour: number, now = new Date()): Promise<SmsBudgetView> {
  const { rows } = await pool().query<{ prefix: string; count: number }>(
    "SELECT prefix, count FROM sms_hourly WHERE hour = date_trunc('hour', $1::timestamptz) ORDER BY count DESC",
    [now],
  );
  const lastHour = rows.reduce((sum, r) => sum + r.count, 0);
  return {
    lastHour,
    perHour,
    alert: lastHour >= perHour * BUDGET_ALERT_SHARE,
    anomalies: rows.filter((r) => r.count >= Math.ceil(perHour * PREFIX_ANOMALY_SHARE)),
  };
}
