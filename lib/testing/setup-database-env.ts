import { afterAll, inject } from "vitest";
import { disconnectDb } from "@/lib/db/client";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.STOPSMS_DEFAULT_REGION ??= "MA";

afterAll(async () => {
  await disconnectDb();
});
