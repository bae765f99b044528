import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

// One client per process; kept on globalThis so Next's dev reloads do not open a pool per edit.
const globalForDb = globalThis as unknown as { stopsmsDb?: PrismaClient };

function createClient(): PrismaClient {
  const { DATABASE_URL, DB_POOL_MAX } = env();
  const adapter = new PrismaPg({ connectionString: DATABASE_URL, max: DB_POOL_MAX, allowExitOnIdle: true });
  return new PrismaClient({ adapter });
}

export function db(): PrismaClient {
  globalForDb.stopsmsDb ??= createClient();
  return globalForDb.stopsmsDb;
}

export async function disconnectDb(): Promise<void> {
  await globalForDb.stopsmsDb?.$disconnect();
  globalForDb.stopsmsDb = undefined;
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
