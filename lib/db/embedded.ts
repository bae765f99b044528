import "server-only";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

// The newcomer's database: PostgreSQL 17 compiled to WASM (PGlite), served on a loopback port so the
// app, the CLI and Prisma use the same `pg` driver and SQL as in production. Only one process may
// open the data directory, so the process that owns it writes its port to a small state file and the
// others (admin CLI, seed) connect to that port instead of opening the directory themselves.
//
// Access: PGlite's socket server has no authentication, so it never listens on TCP. It listens on a Unix
// socket inside the data directory, which is created 0700 (owner only, like PostgreSQL's own PGDATA): only
// the account running the app can connect, which a password in a 0600 file would give too, with one secret
// less to keep.

export interface EmbeddedDatabase {
  url: string;
  /** The directory holding its Unix socket (owner only). */
  socketDir: string;
  stop(): Promise<void>;
}

const STATE_FILE = "embedded-db.json";
/** A migrated data directory made by `npm run build`, relative to the app's directory. */
export const INITIAL_DATA = ".next/stopsms/initial-pgdata.tar";

// libpq's and node-pg's convention: a socket directory as `host`, the file named after the port.
const SOCKET_PORT = 5432;

function urlFor(socketDir: string): string {
  // PGlite has no TLS or GSS: say so, or psql and some clients stall negotiating them.
  return `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(socketDir)}&port=${SOCKET_PORT}&sslmode=disable`;
}

/** Where the embedded database of this data directory answers, known before it is started. */
export function embeddedDatabaseUrl(dataDir: string): string {
  return urlFor(path.resolve(dataDir, "socket"));
}

/** The data directory and everything the database keeps in it: owner only (0700). */
async function privateDirectory(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
}

export async function startEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  await privateDirectory(path.resolve(dataDir));
  const pgDir = path.resolve(dataDir, "pglite");
  const socketDir = path.resolve(dataDir, "socket");
  const fresh = !existsSync(path.join(pgDir, "PG_VERSION"));
  await privateDirectory(pgDir);
  await privateDirectory(socketDir);
  const socketPath = path.join(socketDir, `.s.PGSQL.${SOCKET_PORT}`);
  await rm(socketPath, { force: true }); // left by a process that was killed
  // A first start would run initdb in WASM (~3 s): `npm run build` leaves a ready, migrated data directory
  // of this very PGlite version (scripts/prepare-initial-data.ts), which a fresh one starts from instead.
  const initial = fresh && existsSync(INITIAL_DATA) ? new Blob([await readFile(INITIAL_DATA)]) : undefined;
  const pglite = await PGlite.create(pgDir, initial ? { loadDataDir: initial } : {});
  const server = new PGLiteSocketServer({ db: pglite, path: socketPath, maxConnections: 32 });
  await server.start();
  const statePath = path.resolve(dataDir, STATE_FILE);
  await writeFile(statePath, JSON.stringify({ pid: process.pid, socketDir }), { mode: 0o600 });
  let stopped = false;
  return {
    url: urlFor(socketDir),
    socketDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      await rm(statePath, { force: true });
      await server.stop();
      await pglite.close();
    },
  };
}

function answers(socketDir: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ path: path.join(socketDir, `.s.PGSQL.${SOCKET_PORT}`) });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** The URL of an embedded database already served by another process (e.g. `npm start`), if any. */
export async function findRunningEmbeddedDatabase(dataDir: string): Promise<string | undefined> {
  try {
    const state = JSON.parse(await readFile(path.resolve(dataDir, STATE_FILE), "utf8")) as {
      pid: number;
      socketDir: string;
    };
    process.kill(state.pid, 0);
    return (await answers(state.socketDir)) ? urlFor(state.socketDir) : undefined;
  } catch {
    return undefined;
  }
}
