// `npm run seed`: demo data for a newcomer's dashboard and API trials. Idempotent.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { withDatabase } from "@/scripts/lib/database";

async function main() {
  const dataDir = process.env.STOPSMS_DATA_DIR || ".data";
  const { result, staffCount, publicUrl, contents } = await withDatabase(async () => {
    const { seedDemoData, DEMO_CONTENTS } = await import("@/lib/seed/seed-demo-data");
    const { db } = await import("@/lib/db/client");
    const { env } = await import("@/lib/env");
    return {
      result: await seedDemoData(),
      staffCount: await db().staffUser.count(),
      publicUrl: env().STOPSMS_PUBLIC_URL,
      contents: DEMO_CONTENTS,
    };
  });
  const keyDir = path.resolve(dataDir, "demo-keys");
  if (result.seeded) {
    await mkdir(keyDir, { recursive: true });
    for (const key of result.privateKeys) {
      await writeFile(path.join(keyDir, `${key.keyid}.pem`), key.pem, { mode: 0o600 });
    }
  }
  const lines = [
    result.seeded ? "Demo data seeded:" : "Demo data already present (nothing written); it holds:",
    "  3 000 refusals over 90 days, StopSMS links, 40 complaints",
    '  providers (key id → private key file, to try the provider API; see README "Provider API"):',
    ...contents.providers.map(
      (p) =>
        `    ${p.slug} (${p.name}), senders ${p.senders.join(", ")}: ${p.keyid} → ${path.join(keyDir, `${p.keyid}.pem`)}`,
    ),
    `  senders: ${contents.senders.map((s) => s.code).join(", ")}`,
    staffCount > 0
      ? `  staff: ${staffCount} account(s); sign in at ${publicUrl}/staff/sign-in`
      : `  staff: none yet. Create one: npm run admin -- staff:create --email you@cndp.ma --role admin, then sign in at ${publicUrl}/staff/sign-in`,
  ];
  console.log(lines.join("\n"));
}

main().catch((error: unknown) => {
  console.error(`Seed failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
