// Part of `npm run build`: compiles the launcher (`npm start`) and the production server to plain
// JavaScript under .next/stopsms/, so that starting runs no TypeScript compiler (cold start < 3 s).
// Packages stay in node_modules (Next, Prisma's runtime, pg…); only this repository's code is bundled.
import { spawnSync } from "node:child_process";
import { build } from "esbuild";

const started = Date.now();
await build({
  entryPoints: {
    launch: "scripts/launch.ts",
    serve: "scripts/serve.ts",
    "prepare-initial-data": "scripts/prepare-initial-data.ts",
  },
  outdir: ".next/stopsms",
  outExtension: { ".js": ".mjs" },
  bundle: true,
  packages: "external",
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  tsconfig: "tsconfig.server.json",
  logLevel: "warning",
  // Bundled ESM has no require(): some dependencies of the bundled code still call it.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
  },
});
console.log(`[stopsms] production server compiled to .next/stopsms/ in ${Date.now() - started} ms`);

const prepared = spawnSync(process.execPath, ["--enable-source-maps", ".next/stopsms/prepare-initial-data.mjs"], {
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: "" },
});
if (prepared.status !== 0) process.exit(prepared.status ?? 1);
