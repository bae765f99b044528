// Playwright's web server: a fresh database of its own (dropped on exit), an up-to-date production
// build, then the production server (scripts/serve.ts). The database URL is written where the tests read it (e2e/support/db.ts).
import { spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { createTestDatabase } from "@/lib/testing/test-database";
import { buildIfStale } from "@/scripts/lib/build-freshness";
import { productionServerArgs } from "@/scripts/lib/production-server";

const port = process.env.E2E_PORT || "3210";
export const E2E_STATE_DIR = ".data/e2e";

async function main() {
  const database = await createTestDatabase((line) => console.log(line));
  await mkdir(E2E_STATE_DIR, { recursive: true });
  await writeFile(`${E2E_STATE_DIR}/database-url`, database.url);
  // A clean environment for Next: no inherited NODE_OPTIONS conditions.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_OPTIONS: "",
    DATABASE_URL: database.url,
    AUTH_SECRET: process.env.AUTH_SECRET || "e2e-only-secret-e2e-only-secret-e2e-only",
    // Like production: a configured platform key (a fresh one per run), never a generated file.
    STOPSMS_SIGNING_KEY: generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    STOPSMS_PUBLIC_URL: `http://127.0.0.1:${port}`,
    STOPSMS_DATA_DIR: E2E_STATE_DIR,
    // Codes go to the outbox, where the tests read them (a production deployment names a real gateway).
    STOPSMS_SMS_GATEWAY: "outbox",
    // The tests speak for many clients through X-Forwarded-For, as a reverse proxy on this host would.
    STOPSMS_TRUSTED_PROXIES: "127.0.0.1,::1",
    // The log's public tree head every 2 s rather than hourly, so a receipt's proof can be checked in a test.
    STOPSMS_LOG_PUBLISH_SECONDS: "2",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  await buildIfStale(env, "[e2e] building the app (sources changed since the last build)");
  const server = spawn(process.execPath, productionServerArgs(port, "127.0.0.1"), { stdio: "inherit", env });
  const shutdown = async (code: number) => {
    await database.drop().catch((error: unknown) => console.error("[e2e] could not drop the test database", error));
    await rm(`${E2E_STATE_DIR}/database-url`, { force: true });
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => void shutdown(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(`[e2e] cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
