import "server-only";
import { db } from "@/lib/db/client";
import { APPLIED_MIGRATIONS_SQL, listMigrationFiles, summarizeMigrations, type AppliedRow } from "@/lib/db/migrate";
import { platformKey } from "@/lib/signing/platform-key";
import { smsGateway } from "@/lib/sms/send-sms";

export interface Health {
  status: "ok" | "degraded" | "down";
  database: "up" | "down";
  migrations: { current: boolean; pending: string[] } | null;
  /** The platform key that signs every provider answer: without it the API cannot answer at all. */
  signingKey: { keyid: string } | { error: string };
  /** The SMS gateway that sends verification codes. */
  smsGateway: { name: string } | { error: string };
  time: string;
}

function probe<T>(read: () => T): T | { error: string } {
  try {
    return read();
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** What the app needs to serve: the database and its migrations, the signing key, the SMS gateway. */
export async function checkHealth(): Promise<Health> {
  const time = new Date().toISOString();
  const signingKey = probe(() => ({ keyid: platformKey().keyid }));
  const gateway = probe(() => ({ name: smsGateway().name }));
  const configured = !("error" in signingKey) && !("error" in gateway);
  try {
    const [files, rows] = await Promise.all([
      listMigrationFiles(),
      db().$queryRawUnsafe<AppliedRow[]>(APPLIED_MIGRATIONS_SQL),
    ]);
    const { pending, failed } = summarizeMigrations(files, rows);
    const current = pending.length === 0 && failed.length === 0;
    return {
      status: current && configured ? "ok" : "degraded",
      database: "up",
      migrations: { current, pending },
      signingKey,
      smsGateway: gateway,
      time,
    };
  } catch {
    return { status: "down", database: "down", migrations: null, signingKey, smsGateway: gateway, time };
  }
}
