import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { isDatabaseUnavailableError, markDatabaseDown } from "./availability";

// One pool and one client per process; kept on globalThis so Next's dev reloads do not open a pool per edit.
// Prisma runs on the pool; the few bulk paths (snapshot, wash, mint, the landing page) query the same
// pool directly, where Prisma's per-row mapping cost more than PostgreSQL's own work.
const globalForDb = globalThis as unknown as { stopsmsPool?: pg.Pool; stopsmsDb?: PrismaClient };

/**
 * A checked-out client whose connection dies (server restart, terminated backend) goes back to the pool at
 * once, destroyed, and later releases are ignored: Prisma's adapter does not always release such a client,
 * and every client it kept would be one less for good, until the pool had none to give.
 */
function releasedOnConnectionError(client: pg.PoolClient): pg.PoolClient {
  const release = client.release.bind(client);
  let released = false;
  const releaseOnce = (error?: Error | boolean) => {
    if (released) return;
    released = true;
    client.removeListener("error", onError);
    client.removeListener("end", onEnd);
    release(error);
  };
  const onError = (error: Error) => {
    noteDatabaseError(error);
    releaseOnce(error);
  };
  const onEnd = () => releaseOnce(new Error("connection ended while checked out"));
  client.on("error", onError);
  client.on("end", onEnd);
  client.release = releaseOnce as typeof client.release;
  return client;
}

function createPool(): pg.Pool {
  const { DATABASE_URL, DB_POOL_MAX } = env();
  // JIT compilation costs 50–120 ms, and the planner orders it for 100 000-number washes whose probes take
  // microseconds each; an OLTP service never gains from it. (PGlite has no JIT and ignores the option.)
  // connectionTimeoutMillis: a request waits 5 s at most for a connection, never forever (an outage).
  const created = new pg.Pool({
    connectionString: DATABASE_URL,
    max: DB_POOL_MAX,
    allowExitOnIdle: true,
    options: "-c jit=off",
    connectionTimeoutMillis: 5_000,
  });
  // A connection that cannot be opened is the surest sign of an outage: every connect goes through here,
  // in both of pg's forms (callback, used by pool.query; promise, used by Prisma's adapter).
  const connect = created.connect.bind(created) as (
    callback?: (error: Error | undefined, client?: pg.PoolClient, done?: (release?: unknown) => void) => void,
  ) => Promise<pg.PoolClient> | void;
  created.connect = ((callback?: Parameters<typeof connect>[0]) => {
    if (callback) {
      return connect((error, client, done) => {
        if (error) noteDatabaseError(error);
        callback(error, client, done);
      });
    }
    return (connect() as Promise<pg.PoolClient>).then(releasedOnConnectionError, (error: unknown) => {
      noteDatabaseError(error);
      throw error;
    });
  }) as typeof created.connect;
  // An idle connection dropped by the server (restart, failover) is the first sign of an outage.
  created.on("error", (error) => {
    logger.warn({ err: error }, "idle database connection failed");
    noteDatabaseError(error);
  });
  return created;
}

/**
 * Whether PostgreSQL answers, on a connection of its own: never through the pool, which an outage may leave
 * full of dead clients (Prisma's adapter does not always release a client whose connection was terminated
 * mid-transaction), so that a probe through it would wait for a free client instead of asking the server.
 */
async function probeDirectly(): Promise<void> {
  const client = new pg.Client({ connectionString: env().DATABASE_URL, connectionTimeoutMillis: 2_000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * After an outage: a new pool and a new Prisma client, so no request waits on a client that died with the
 * old server. The old pool is ended in the background (its dead clients never come back).
 */
function replacePool(): void {
  const [oldPool, oldDb] = [globalForDb.stopsmsPool, globalForDb.stopsmsDb];
  globalForDb.stopsmsPool = undefined;
  globalForDb.stopsmsDb = undefined;
  void oldDb?.$disconnect().catch(() => undefined);
  void oldPool?.end().catch(() => undefined);
}

/** Notes an outage seen by a failed query (see availability.ts); true when the error was one. */
export function noteDatabaseError(error: unknown): boolean {
  if (!isDatabaseUnavailableError(error)) return false;
  markDatabaseDown(error instanceof Error ? error.message : String(error), probeDirectly, replacePool);
  return true;
}

let lastProbe = 0;

/**
 * After a server error: is the database still there? At most once a second, one `SELECT 1`; a connection
 * error marks the database down (availability.ts), so the next requests get a 503 instead of a 500.
 */
export function probeDatabaseAfterError(): void {
  const now = Date.now();
  if (now - lastProbe < 1_000) return;
  lastProbe = now;
  probeDirectly().catch((error: unknown) => noteDatabaseError(error));
}

export function pool(): pg.Pool {
  globalForDb.stopsmsPool ??= createPool();
  return globalForDb.stopsmsPool;
}

/**
 * A statement name for a hot query, so each connection plans it once; none on the embedded database,
 * where every pooled connection shares PGlite's single session and a second PREPARE of a name fails.
 */
export function preparedName(name: string): string | undefined {
  return process.env.STOPSMS_EMBEDDED === "1" ? undefined : name;
}

export function db(): PrismaClient {
  globalForDb.stopsmsDb ??= new PrismaClient({ adapter: new PrismaPg(pool()) });
  return globalForDb.stopsmsDb;
}

export async function disconnectDb(): Promise<void> {
  await globalForDb.stopsmsDb?.$disconnect();
  globalForDb.stopsmsDb = undefined;
  await globalForDb.stopsmsPool?.end();
  globalForDb.stopsmsPool = undefined;
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
