import "server-only";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

// The newcomer's database: PostgreSQL 17 compiled to WASM (PGlite), served on a loopback port so the
// app, the CLI and Prisma use the same `pg` driver and SQL as in production. Only one process may
// open the data directory, so the process that owns it writes its port to a small state file and the
// others (admin CLI, seed) connect to that port instead of opening the directory themselves.

export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const STATE_FILE = "embedded-db.json";

function urlFor(port: number): string {
  // PGlite has no TLS or GSS: say so, or psql and some clients stall negotiating them.
  return `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
}

export async function startEmbeddedDatabase(dataDir: string, options: { port?: number } = {}): Promise<EmbeddedDatabase> {
  const pgDir = path.resolve(dataDir, "pglite");
  await mkdir(pgDir, { recursive: true });
  const pglite = await PGlite.create(pgDir);
  const server = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port: options.port ?? 0, maxConnections: 32 });
  await server.start();
  const address = server.getServerConn();
  const port = Number(address.split(":").pop());
  const statePath = path.resolve(dataDir, STATE_FILE);
  await writeFile(statePath, JSON.stringify({ pid: process.pid, port }));
  let stopped = false;
  return {
    url: urlFor(port),
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      await rm(statePath, { force: true });
      await server.stop();
      await pglite.close();
    },
  };
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
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
    const state = JSON.parse(await readFile(path.resolve(dataDir, STATE_FILE), "utf8")) as { pid: number; port: number };
    process.kill(state.pid, 0);
    return (await answers(state.port)) ? urlFor(state.port) : undefined;
  } catch {
    return undefined;
  }
}
