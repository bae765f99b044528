import "server-only";
import { db } from "@/lib/db/client";
import { APPLIED_MIGRATIONS_SQL, listMigrationFiles, summarizeMigrations, type AppliedRow } from "@/lib/db/migrate";

export interface Health {
  status: "ok" | "degraded" | "down";
  database: "up" | "down";
  migrations: { current: boolean; pending: string[] } | null;
  time: string;
}

export async function checkHealth(): Promise<Health> {
  const time = new Date().toISOString();
  try {
    const [files, rows] = await Promise.all([listMigrationFiles(), db().$queryRawUnsafe<AppliedRow[]>(APPLIED_MIGRATIONS_SQL)]);
    const { pending, failed } = summarizeMigrations(files, rows);
    const current = pending.length === 0 && failed.length === 0;
    return { status: current ? "ok" : "degraded", database: "up", migrations: { current, pending }, time };
  } catch {
    return { status: "down", database: "down", migrations: null, time };
  }
}
