import "server-only";
import { Gauge, type Registry } from "prom-client";
import { pool } from "@/lib/db/client";

const registered = new WeakSet<Registry>();

/**
 * Gauges read from PostgreSQL when Prometheus scrapes, so every instance reports the same truth: the feed
 * head, refusals in force and recorded by source (from the daily rollups, never a table scan), each
 * provider's fetch and ack lag (age of the oldest change it has not fetched / acknowledged), and this
 * instance's connection pool.
 */
export function registerDatabaseMetrics(registry: Registry): void {
  if (registered.has(registry)) return;
  registered.add(registry);
  new Gauge({
    name: "stopsms_feed_head",
    help: "Newest seq of the change feed",
    registers: [registry],
    async collect() {
      const { rows } = await pool().query<{ head: string | null }>("SELECT max(seq) AS head FROM opposition_changes");
      this.set(Number(rows[0]?.head ?? 0));
    },
  });
  new Gauge({
    name: "stopsms_oppositions_in_force",
    help: "Refusals in force by scope",
    labelNames: ["scope"],
    registers: [registry],
    async collect() {
      const { rows } = await pool().query<{ scope: string; n: string }>(
        "SELECT scope::text AS scope, sum(added + reinstated - withdrawn - ended) AS n FROM daily_opposition_stats GROUP BY scope",
      );
      this.reset();
      for (const r of rows) this.set({ scope: r.scope }, Number(r.n));
    },
  });
  new Gauge({
    name: "stopsms_oppositions_recorded",
    help: "Refusals ever recorded, by source (link, web, keyword, staff)",
    labelNames: ["source"],
    registers: [registry],
    async collect() {
      const { rows } = await pool().query<{ source: string; n: string }>(
        "SELECT source::text AS source, sum(added) AS n FROM daily_opposition_stats GROUP BY source",
      );
      this.reset();
      for (const r of rows) this.set({ source: r.source }, Number(r.n));
    },
  });
  const lag = (name: string, help: string, column: "seq_reached" | "acked_seq") =>
    new Gauge({
      name,
      help,
      labelNames: ["provider"],
      registers: [registry],
      async collect() {
        const { rows } = await pool().query<{ slug: string; oldest: Date | null }>(
          `SELECT p.slug, (SELECT c.at FROM opposition_changes c WHERE c.seq > p.${column}
             AND (c.sender_id IS NULL OR c.sender_id IN (SELECT sender_id FROM provider_senders ps WHERE ps.provider_id = p.id)) ORDER BY c.seq LIMIT 1) AS oldest
           FROM providers p WHERE p.status = 'active'`,
        );
        this.reset();
        for (const r of rows) this.set({ provider: r.slug }, r.oldest ? (Date.now() - r.oldest.getTime()) / 1000 : 0);
      },
    });
  lag("stopsms_provider_fetch_lag_seconds", "Age of the oldest change a provider has not fetched", "seq_reached");
  lag(
    "stopsms_provider_ack_lag_seconds",
    "Age of the oldest change a provider has not acknowledged as applied",
    "acked_seq",
  );
  new Gauge({
    name: "stopsms_db_pool_connections",
    help: "This instance's database connections",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      const p = pool();
      this.set({ state: "total" }, p.totalCount);
      this.set({ state: "idle" }, p.idleCount);
      this.set({ state: "waiting" }, p.waitingCount);
    },
  });
}
