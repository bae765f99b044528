import "server-only";
import { pool, preparedName } from "@/lib/db/client";
import { groupWhileInFlight } from "@/lib/db/group-while-in-flight";

interface HourCount {
  /** This refusal's place in the hour's count. */
  count: number;
  retryAfterSeconds: number;
}

/**
 * Counts one unverified refusal in the current hour, all addresses together. Past the cap the form refuses
 * and points to "my number": a verified refusal is never capped. The count is one row per hour, which every
 * /stop post would update in turn (a row lock and a commit each, on launch day hundreds a second): while one
 * update is in flight, the refusals that arrive wait and are counted together by the next, each still
 * getting its own place in the hour's count.
 */
export function countUnverifiedRefusal(): Promise<HourCount> {
  return countTogether(undefined);
}

const countTogether = groupWhileInFlight<undefined, HourCount>(
  async (refusals) => {
    const { rows } = await pool().query<{ count: number; next_hour: Date }>({
      text: `INSERT INTO unverified_refusals_hourly (hour, count) VALUES (date_trunc('hour', now()), $1)
             ON CONFLICT (hour) DO UPDATE SET count = unverified_refusals_hourly.count + EXCLUDED.count
             RETURNING count, hour + interval '1 hour' AS next_hour`,
      values: [refusals.length],
      name: preparedName("count-unverified-refusals"),
    });
    const { count, next_hour } = rows[0]!;
    const retryAfterSeconds = Math.max(1, Math.ceil((next_hour.getTime() - Date.now()) / 1000));
    return refusals.map((_, i) => ({
      status: "fulfilled",
      value: { count: count - refusals.length + 1 + i, retryAfterSeconds },
    }));
  },
  { writers: 1, maxBatch: Number.MAX_SAFE_INTEGER },
);
