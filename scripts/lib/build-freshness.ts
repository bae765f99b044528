import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCE_DIRS = ["app", "components", "lib", "public", "prisma"];
const SOURCE_FILES = ["next.config.mjs", "package.json", "postcss.config.mjs", "tsconfig.json", "proxy.ts"];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(entry)) {
    if (name === "generated" || name === "node_modules") continue;
    newest = Math.max(newest, newestMtime(path.join(entry, name)));
  }
  return newest;
}

/** True when there is no production build, or a source file changed after it was made. */
export function isBuildStale(): boolean {
  const marker = ".next/BUILD_ID";
  if (!existsSync(marker)) return true;
  const built = statSync(marker).mtimeMs;
  return [...SOURCE_DIRS, ...SOURCE_FILES].some((entry) => newestMtime(entry) > built);
}

/**
 * Runs `next build` when the build is missing or older than the sources. Async on purpose: the launcher
 * hosts PGlite in its own event loop, which a synchronous child would block.
 */
export async function buildIfStale(env: NodeJS.ProcessEnv, announce: string): Promise<void> {
  if (!isBuildStale()) return;
  console.log(announce);
  const code = await new Promise<number | null>((resolve) =>
    spawn(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
      stdio: "inherit",
      env: { ...env, NEXT_TELEMETRY_DISABLED: "1" },
    }).on("exit", resolve),
  );
  if (code !== 0) throw new Error(`next build exited with ${code}`);
}
