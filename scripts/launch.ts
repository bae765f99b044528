// `npm start` / `npm run dev`: picks the database (DATABASE_URL, else the embedded one under .data/),
// applies migrations, supplies development-only secrets when needed, and runs the server as a child in
// the same process group (started before the database under `npm start`, see below), forwarding signals
// to it, so nothing is orphaned on Ctrl-C or kill.
import { spawn, type ChildProcess } from "node:child_process";
import { applyMigrations } from "@/lib/db/migrate";
import { embeddedDatabaseUrl, startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { recordAppUrl } from "@/scripts/lib/app-url";
import { buildIfStale } from "@/scripts/lib/build-freshness";
import { developmentAuthSecret } from "@/scripts/lib/dev-secrets";
import { DATABASE_READY, productionServerArgs } from "@/scripts/lib/production-server";
import { TSX_ENV, tsxImportArgs } from "@/scripts/lib/typescript-script";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const dataDir = process.env.STOPSMS_DATA_DIR || ".data";

async function main(): Promise<void> {
  const embeddedMode = !process.env.DATABASE_URL;
  const databaseUrl = process.env.DATABASE_URL || embeddedDatabaseUrl(dataDir);
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" };
  if (!env.AUTH_SECRET) {
    if (embeddedMode || mode === "dev") {
      env.AUTH_SECRET = await developmentAuthSecret(dataDir);
      console.warn(
        `[stopsms] AUTH_SECRET is unset: using a development secret kept in ${dataDir}/ (never in production)`,
      );
    } else {
      throw new Error("AUTH_SECRET is required when DATABASE_URL is set (generate one with: openssl rand -base64 32)");
    }
  }
  if (embeddedMode) {
    // PGlite runs queries one at a time; a large pool only queues in front of it.
    env.DB_POOL_MAX ??= "4";
    env.STOPSMS_EMBEDDED = "1";
  }

  // A fresh clone has no build yet (and a pulled one may have an old build): build first.
  if (mode === "start")
    await buildIfStale(env, "[stopsms] no up-to-date production build: running `next build` first (under a minute)");

  // Cold start: the production server loads Next (about a second) while the database starts and is
  // migrated here; it listens only once told the database is ready (scripts/serve.ts). In dev the
  // database comes first.
  let child: ChildProcess | undefined;
  let embedded: EmbeddedDatabase | undefined;
  const startServer = () => {
    const port = process.env.PORT || "3000";
    recordAppUrl(dataDir, process.env.STOPSMS_PUBLIC_URL || `http://localhost:${port}`);
    const server =
      mode === "start"
        ? spawn(process.execPath, productionServerArgs(port), {
            stdio: ["inherit", "inherit", "inherit", "ipc"],
            env: { ...env, STOPSMS_AWAIT_DATABASE: "1" },
          })
        : // The same server as production (the front door, the fast paths, /metrics), with Next in dev mode.
          spawn(process.execPath, tsxImportArgs("scripts/serve.ts", "--dev", "-p", port), {
            stdio: "inherit",
            env: { ...env, ...TSX_ENV },
          });
    const forward = (signal: NodeJS.Signals) => () => server.kill(signal);
    process.on("SIGINT", forward("SIGINT"));
    process.on("SIGTERM", forward("SIGTERM"));
    server.on("exit", async (code, signal) => {
      await embedded?.stop();
      process.exit(code ?? (signal ? 1 : 0));
    });
    return server;
  };
  if (mode === "start") child = startServer();
  try {
    if (embeddedMode) {
      embedded = await startEmbeddedDatabase(dataDir);
      console.log(
        `[stopsms] DATABASE_URL is unset: embedded PostgreSQL (PGlite) on a Unix socket in ${embedded.socketDir} (owner only), data in ${dataDir}/pglite`,
      );
    }
    const applied = await applyMigrations(databaseUrl);
    console.log(`[stopsms] migrations: ${applied.length ? `applied ${applied.join(", ")}` : "up to date"}`);
  } catch (error) {
    child?.kill("SIGTERM");
    throw error;
  }
  if (child) child.send(DATABASE_READY);
  else startServer();
}

main().catch((error: unknown) => {
  console.error(`[stopsms] cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
