import "server-only";
import { pool } from "@/lib/db/client";

export interface GateStatus {
  version: string;
  lastSeen: Date;
  /** When the gate last read the change feed successfully: its list is at most this old. */
  listCurrentAt: Date | null;
}

const SEEN_WITHIN_DAYS = 7;

/** Whether a provider runs the StopSMS gate (its signed calls in the last week say `stopsms-gate/<version>`). */
export async function readGateStatus(providerId: number): Promise<GateStatus | null> {
  const { rows } = await pool().query<{ user_agent: string; at: Date; list_at: Date | null }>(
    `SELECT g.user_agent, g.at,
            (SELECT max(at) FROM access_logs c
              WHERE c.provider_id = $1 AND c.at > now() - make_interval(days => $2)
                AND c.endpoint = 'GET /suppressions/changes' AND c.status = 200
                AND c.user_agent LIKE 'stopsms-gate/%') AS list_at
     FROM access_logs g
     WHERE g.provider_id = $1 AND g.at > now() - make_interval(days => $2) AND g.user_agent LIKE 'stopsms-gate/%'
     ORDER BY g.at DESC LIMIT 1`,
    [providerId, SEEN_WITHIN_DAYS],
  );
  const row = rows[0];
  if (!row) return null;
  return { version: row.user_agent.slice("stopsms-gate/".length), lastSeen: row.at, listCurrentAt: row.list_at };
}
