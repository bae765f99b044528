import "server-only";
import { pool, preparedName } from "@/lib/db/client";
import { groupWhileInFlight } from "@/lib/db/group-while-in-flight";

interface HourCount {
  /** This refusal's place in the hour's count. */
  count: number;
  /** Its place in its network's count this hour. */
  networkCount: number;
  retryAfterSeconds: number;
}

/**
 * Counts one unverified refusal in the current hour, all addresses together and per client network. Past the cap the form refuses
 * and points to "my number": a verified refusal is never capped. The count is one row per hour, which every
 * /stop post would update in turn (a row lock and a commit each, on launch day hundreds a second): while one
 * update is in flight, the refusals that arrive wait and are counted together by the next, each still
 * getting its own place in the hour's count.
 */
export function countUnverifiedRefusal(network = "unknown"): Promise<HourCount> {
  return countTogether(network);
}

// Lock order: the hour's row, then the networks' rows in network order, in every statement that takes
// both. A take-back that updated its network's row before the hour's deadlocked with a count (reproduced:
// the launch-day bench answered 64 refusals 500 at once); each network update below reads the hour's
// updated row, so it cannot run first.

/**
 * A refusal counted that turned out to repeat one already in force: it recorded nothing, so it is taken
 * back from both counts (only repeated, refused and invalid posts cost this second statement).
 */
export async function uncountUnverifiedRefusal(network = "unknown"): Promise<void> {
  await pool().query(
    `WITH g AS (
       UPDATE unverified_refusals_hourly SET count = greatest(count - 1, 0) WHERE hour = date_trunc('hour', now())
       RETURNING hour)
     UPDATE unverified_refusals_network_hourly n SET count = greatest(n.count - 1, 0)
     FROM g WHERE n.hour = g.hour AND n.network = $1`,
    [network],
  );
}

const countTogether = groupWhileInFlight<string, HourCount>(
  async (networks) => {
    const perNetwork = new Map<string, number>();
    for (const network of [...networks].sort()) perNetwork.set(network, (perNetwork.get(network) ?? 0) + 1);
    const { rows } = await pool().query<{ count: number; next_hour: Date; networks: Record<string, number> }>({
      text: `WITH g AS (
               INSERT INTO unverified_refusals_hourly (hour, count) VALUES (date_trunc('hour', now()), $1)
               ON CONFLICT (hour) DO UPDATE SET count = unverified_refusals_hourly.count + EXCLUDED.count
               RETURNING hour, count, hour + interval '1 hour' AS next_hour),
             n AS (
               INSERT INTO unverified_refusals_network_hourly (hour, network, count)
               SELECT g.hour, network, c FROM g, unnest($2::text[], $3::int[]) AS x(network, c) ORDER BY network
               ON CONFLICT (hour, network) DO UPDATE SET count = unverified_refusals_network_hourly.count + EXCLUDED.count
               RETURNING network, count)
             SELECT g.count, g.next_hour, (SELECT json_object_agg(network, count) FROM n) AS networks FROM g`,
      values: [networks.length, [...perNetwork.keys()], [...perNetwork.values()]],
      name: preparedName("count-unverified-refusals-by-network"),
    });
    const { count, next_hour, networks: totals } = rows[0]!;
    const retryAfterSeconds = Math.max(1, Math.ceil((next_hour.getTime() - Date.now()) / 1000));
    const seen = new Map<string, number>();
    return networks.map((network, i) => {
      const place = (seen.get(network) ?? 0) + 1;
      seen.set(network, place);
      const networkCount = totals[network]! - perNetwork.get(network)! + place;
      return {
        status: "fulfilled",
        value: { count: count - networks.length + 1 + i, networkCount, retryAfterSeconds },
      };
    });
  },
  { writers: 1, maxBatch: Number.MAX_SAFE_INTEGER },
);
