// Prisma CLI configuration. The CLI runs its WASM schema engine through the pg driver adapter, so no
// engine binary is ever downloaded (see README "Migrations"). The app itself applies migrations with
// scripts/migrate.ts; this file serves `prisma generate` and `prisma migrate diff` when authoring.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

const url = new URL(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  // Separate fields, not a connection string: 6.19 otherwise reuses it as the shadow database.
  adapter: async () =>
    new PrismaPg({
      host: url.hostname,
      port: Number(url.port || 5432),
      user: decodeURIComponent(url.username || "postgres"),
      password: decodeURIComponent(url.password),
      database: url.pathname.slice(1) || "postgres",
      allowExitOnIdle: true,
    }),
});
