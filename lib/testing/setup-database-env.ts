import { generateKeyPairSync } from "node:crypto";
import { afterAll, inject } from "vitest";
import { disconnectDb } from "@/lib/db/client";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.STOPSMS_DEFAULT_REGION ??= "MA";
// A platform key per test process, so tests never write one under the repository's .data/.
process.env.STOPSMS_SIGNING_KEY ??= generateKeyPairSync("ed25519")
  .privateKey.export({ type: "pkcs8", format: "pem" })
  .toString();

afterAll(async () => {
  await disconnectDb();
});
