// Test data for the e2e suite, made through the real lib functions (run with tsx and tsconfig.server.json):
//   mint <sender-code> <phone> [expired|late]     → prints {"code": "...", "url": "..."}; `late`: minted 3 days
//                                                   from now, past the legal deadline of a refusal made today
//   provider <slug> <sender-code> <key-file>      → registers a provider + Ed25519 key, private key to <key-file>
//   staff <email> <admin|analyst> <password>      → creates a staff account
//   seed                                          → the demo data set (idempotent)
//   snapshot-build                                → builds the snapshot files now (as the scheduled job does)
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { createStaffUser } from "@/lib/auth/create-staff-user";
import { addProviderKey } from "@/lib/providers/add-provider-key";
import { seedDemoData } from "@/lib/seed/seed-demo-data";
import { createProvider } from "@/lib/providers/create-provider";
import { db, disconnectDb } from "@/lib/db/client";
import { mintLinks } from "@/lib/links/mint-links";
import { buildSnapshotFiles } from "@/lib/snapshot-files/build-snapshot-files";

async function ensureSender(code: string) {
  const sender = await db().sender.upsert({
    where: { code },
    update: {},
    create: {
      code,
      name: code
        .split("-")
        .map((w) => w[0]!.toUpperCase() + w.slice(1))
        .join(" "),
    },
  });
  const slug = "e2e-provider";
  const provider = await db().provider.upsert({
    where: { slug },
    update: {},
    create: { slug, name: "E2E Provider", anrtNumber: "ANRT-E2E" },
  });
  await db()
    .$executeRaw`INSERT INTO provider_senders (provider_id, sender_id) VALUES (${provider.id}, ${sender.id}) ON CONFLICT DO NOTHING`;
  return { sender, provider };
}

async function registerProvider(slug: string, senderCode: string, keyFile: string) {
  await ensureSender(senderCode);
  const actor = { kind: "cli", label: "e2e" } as const;
  await createProvider(actor, {
    slug,
    name: `Provider ${slug}`,
    anrtNumber: `ANRT-${slug}`,
    senderCodes: [senderCode],
  });
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const keyid = `${slug}-2026-01`;
  await addProviderKey(actor, {
    providerSlug: slug,
    keyid,
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
  });
  writeFileSync(keyFile, privateKey.export({ type: "pkcs8", format: "pem" }).toString(), { mode: 0o600 });
  process.stdout.write(JSON.stringify({ keyid }));
}

async function main() {
  const [command, senderCode, phone, flag] = process.argv.slice(2);
  if (command === "provider") return registerProvider(senderCode!, phone!, flag!);
  if (command === "staff") {
    const user = await createStaffUser(
      { kind: "cli", label: "e2e" },
      { email: senderCode, role: phone, password: flag },
    );
    return void process.stdout.write(JSON.stringify(user));
  }
  if (command === "snapshot-build")
    return void process.stdout.write(JSON.stringify({ at: String((await buildSnapshotFiles()).at) }));
  if (command === "seed") return void process.stdout.write(JSON.stringify({ seeded: (await seedDemoData()).seeded }));
  if (command !== "mint" || !senderCode || !phone) throw new Error("usage: mint <sender-code> <phone> [expired|late]");
  const { sender, provider } = await ensureSender(senderCode);
  const { links } = await mintLinks({
    providerId: provider.id,
    senderId: sender.id,
    campaign: `e2e-${randomBytes(3).toString("hex")}`,
    phones: [phone],
    expiresInDays: 30,
    defaultRegion: "MA",
    publicUrl: process.env.STOPSMS_PUBLIC_URL ?? "http://127.0.0.1:3210",
  });
  const link = links[0];
  if (!link) throw new Error(`no link minted for ${phone}: not a valid number?`);
  if (flag === "expired")
    await db().$executeRaw`UPDATE stop_links SET expires_at = now() - interval '1 day' WHERE code = ${link.code}`;
  if (flag === "late")
    await db().$executeRaw`UPDATE stop_links SET created_at = now() + interval '3 days' WHERE code = ${link.code}`;
  process.stdout.write(JSON.stringify({ code: link.code, url: link.url }));
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => disconnectDb());
