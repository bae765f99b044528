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

const SERVER_SOURCES = ["scripts/serve.ts", "scripts/launch.ts", "scripts/lib", "lib"];
const COMPILED_SERVER = ".next/stopsms/serve.mjs";

/** True when the compiled production server is missing or older than its sources. */
export function isServerBundleStale(): boolean {
  if (!existsSync(COMPILED_SERVER)) return true;
  const built = statSync(COMPILED_SERVER).mtimeMs;
  return SERVER_SOURCES.some((entry) => newestMtime(entry) > built);
}

const run = (args: string[], env: NodeJS.ProcessEnv) =>
  new Promise<number | null>((resolve) =>
    spawn(process.execPath, args, { stdio: "inherit", env: { ...env, NEXT_TELEMETRY_DISABLED: "1" } }).on(
      "exit",
      resolve,
    ),
  );

/**
 * Runs the steps of `npm run build` when the build is missing or older than the sources (the generated
 * Prisma client and citizen stylesheet first: a clone without lib/generated builds too), then compiles the
 * production server if it is (well under a second). Async on purpose: the launcher hosts PGlite in its own
 * event loop, which a synchronous child would block.
 */
export async function buildIfStale(env: NodeJS.ProcessEnv, announce: string): Promise<void> {
  if (isBuildStale()) {
    console.log(announce);
    for (const step of [
      ["scripts/prisma-generate.mjs"],
      ["scripts/build-citizen-css.mjs"],
      ["node_modules/next/dist/bin/next", "build"],
    ]) {
      const code = await run(step, env);
      if (code !== 0) throw new Error(`${step.join(" ")} exited with ${code} (the same steps as \`npm run build\`)`);
    }
  }
  if (isServerBundleStale()) {
    const code = await run(["scripts/build-server.mjs"], env);
    if (code !== 0) throw new Error(`compiling the production server exited with ${code}`);
  }
}
