// `npm run seed`: demo data for a newcomer's dashboard and API trials. Idempotent.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { withDatabase } from "@/scripts/lib/database";

async function main() {
  const dataDir = process.env.STOPSMS_DATA_DIR || ".data";
  const result = await withDatabase(async () => {
    const { seedDemoData } = await import("@/lib/seed/seed-demo-data");
    return seedDemoData();
  });
  if (!result.seeded) {
    console.log("Demo data already present: nothing to do.");
    return;
  }
  const keyDir = path.resolve(dataDir, "demo-keys");
  await mkdir(keyDir, { recursive: true });
  for (const key of result.privateKeys) {
    await writeFile(path.join(keyDir, `${key.keyid}.pem`), key.pem, { mode: 0o600 });
  }
  console.log(`Demo data seeded. Demo providers' private keys (for trying the API) are in ${keyDir}/`);
}

main().catch((error: unknown) => {
  console.error(`Seed failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
