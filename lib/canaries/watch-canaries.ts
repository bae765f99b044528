import "server-only";
import { pool } from "@/lib/db/client";
import { logger } from "@/lib/log";

// A canary number seen in a provider's call means the list it came from was used as a target list. The
// call is answered exactly as for any other number (the caller must learn nothing); the alert, naming the
// provider whose list it was, is for the CNDP's staff.

export interface CanaryCall {
  caller: { providerId: number; keyid: string };
  endpoint: "POST /links" | "POST /suppressions/check" | "POST /keywords";
  /** What the call was about, for the evidence (sender, campaign, how many numbers). */
  details: Record<string, unknown>;
}

/** Owner provider of each canary among these E.164 numbers (all canaries fit in memory: a few per provider). */
export async function findCanaries(phones: string[]): Promise<Map<string, number>> {
  const { rows } = await pool().query<{ phone: string; owner: number }>(
    "SELECT phone, canary_provider_id AS owner FROM oppositions WHERE canary_provider_id IS NOT NULL",
  );
  if (rows.length === 0) return new Map();
  const wanted = new Set(phones);
  return new Map(rows.filter((r) => wanted.has(r.phone)).map((r) => [r.phone, r.owner]));
}

/** One alert per list the canaries came from, with its audit row; never fails the call it watches. */
export async function raiseCanaryAlerts(call: CanaryCall, canaries: Map<string, number>): Promise<void> {
  if (canaries.size === 0) return;
  const byOwner = new Map<number, string[]>();
  for (const [phone, owner] of canaries) byOwner.set(owner, [...(byOwner.get(owner) ?? []), phone]);
  const client = await pool().connect();
  try {
    await client.query("BEGIN");
    for (const [owner, phones] of byOwner) {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO integrity_alerts (list_provider_id, caller_provider_id, keyid, endpoint, phones, details) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [owner, call.caller.providerId, call.caller.keyid, call.endpoint, phones.sort(), JSON.stringify(call.details)],
      );
      await client.query(
        `INSERT INTO audit_logs (actor_label, action, target_type, target_id, after) VALUES ('system:canary-watch', 'integrity-alert.raise', 'integrity_alert', $1, $2)`,
        [
          rows[0]!.id,
          JSON.stringify({
            listProviderId: owner,
            callerProviderId: call.caller.providerId,
            keyid: call.caller.keyid,
            endpoint: call.endpoint,
            canaries: phones.length,
          }),
        ],
      );
    }
    await client.query("COMMIT");
    logger.warn(
      { endpoint: call.endpoint, caller: call.caller.providerId, lists: [...byOwner.keys()] },
      "canary number seen: integrity alert raised",
    );
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    logger.error({ err: error }, "integrity alert could not be written");
  } finally {
    client.release();
  }
}
