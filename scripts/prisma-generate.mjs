// Runs `prisma generate` without any binary download.
// Prisma 6.19 falls back to downloading a query engine when DATABASE_URL is unset, even with
// engineType "client"; generation never connects, so a placeholder local URL is enough.
import { spawnSync } from "node:child_process";

const env = {
  ...process.env,
  DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/placeholder",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const result = spawnSync("npx", ["--no-install", "prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
