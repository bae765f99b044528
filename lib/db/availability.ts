import "server-only";
import { logger } from "@/lib/log";

// Whether PostgreSQL answers. When a connection error shows it gone, every request is answered at once
// with a 503 (and Retry-After) instead of waiting on a connection that will not come, and a probe runs
// every second until the database answers again: the app recovers by itself, without a restart.

const RETRY_AFTER_SECONDS = 5;
const PROBE_MS = 1_000;
const state = globalThis as unknown as { stopsmsDbDown?: { since: number; probing: boolean } };

const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "ETIMEDOUT",
  "EPIPE",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08003",
  "08006",
  "08001",
  "08004",
  "P1001",
  "P1002",
  "P1017",
]);

/** An error that says the database cannot be reached (not that a query was wrong). */
export function isDatabaseUnavailableError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && CONNECTION_CODES.has(code)) return true;
    const message = (e as { message?: unknown }).message;
    if (
      typeof message === "string" &&
      /Connection terminated|connect ECONNREFUSED|terminating connection due to administrator command|the database system is (starting up|shutting down)|Can't reach database server/i.test(
        message,
      )
    )
      return true;
  }
  return false;
}

export function isDatabaseDown(): boolean {
  return state.stopsmsDbDown !== undefined;
}

export function retryAfterSeconds(): number {
  return RETRY_AFTER_SECONDS;
}

/**
 * Marks the database down and starts probing it with `probe` (a `SELECT 1` on a connection of its own)
 * until it answers; then `recovered` runs (the pool is replaced: see client.ts).
 */
export function markDatabaseDown(
  reason: string,
  probe: () => Promise<unknown>,
  recovered: () => void = () => undefined,
): void {
  if (state.stopsmsDbDown) return;
  state.stopsmsDbDown = { since: Date.now(), probing: true };
  logger.warn({ reason }, "database unreachable: answering 503 until it is back");
  const tick = () => {
    probe()
      .then(() => {
        const down = state.stopsmsDbDown;
        state.stopsmsDbDown = undefined;
        recovered();
        logger.info({ downMs: down ? Date.now() - down.since : 0 }, "database reachable again");
      })
      .catch(() => setTimeout(tick, PROBE_MS).unref());
  };
  setTimeout(tick, PROBE_MS).unref();
}
