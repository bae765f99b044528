import { findRunningEmbeddedDatabase, startEmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";

/**
 * Gives a CLI a migrated database: DATABASE_URL if set; else the embedded one already served by a
 * running `npm start`; else the embedded data directory opened just for this command.
 */
export async function withDatabase<T>(fn: () => Promise<T>): Promise<T> {
  const dataDir = process.env.STOPSMS_DATA_DIR || ".data";
  let stop: (() => Promise<void>) | undefined;
  if (!process.env.DATABASE_URL) {
    const running = await findRunningEmbeddedDatabase(dataDir);
    if (running) {
      process.env.DATABASE_URL = running;
    } else {
      const embedded = await startEmbeddedDatabase(dataDir);
      process.env.DATABASE_URL = embedded.url;
      stop = () => embedded.stop();
    }
  }
  try {
    await applyMigrations(process.env.DATABASE_URL!);
    return await fn();
  } finally {
    const { disconnectDb } = await import("@/lib/db/client");
    await disconnectDb();
    await stop?.();
  }
}
