// Part of `npm run build`: compiles the launcher (`npm start`) and the production server to plain
// JavaScript under .next/stopsms/, so that starting runs no TypeScript compiler (cold start < 3 s).
// Packages stay in node_modules (Next, Prisma's runtime, pg…); only this repository's code is bundled.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { build } from "esbuild";

const started = Date.now();
await build({
  entryPoints: {
    launch: "scripts/launch.ts",
    "serve-main": "scripts/serve.ts",
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
// The compiled server is production, whatever NODE_ENV it was started with: React (node_modules/react,
// react-dom/server) picks its development or production build from NODE_ENV when each module first loads,
// and Next sets NODE_ENV=production only once it starts — after the bundle's static imports have loaded
// React's development JSX runtime, which the production react-dom/server loaded later cannot run
// ("dispatcher.getOwner is not a function" on every landing page, seen in the e2e suite). Set before anything
// is imported, hence this two-line entry.
writeFileSync(".next/stopsms/serve.mjs", 'process.env.NODE_ENV = "production";\nawait import("./serve-main.mjs");\n');
console.log(`[stopsms] production server compiled to .next/stopsms/ in ${Date.now() - started} ms`);

const prepared = spawnSync(process.execPath, ["--enable-source-maps", ".next/stopsms/prepare-initial-data.mjs"], {
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: "" },
});
if (prepared.status !== 0) process.exit(prepared.status ?? 1);
