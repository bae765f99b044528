// `npm start`: runs the launcher compiled by `npm run build` (no TypeScript compiler at start). A fresh
// clone has no build yet: it builds first, once. The launcher was compiled with
// tsconfig.server.json: `server-only` is an empty module there.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";

const launcher = ".next/stopsms/launch.mjs";
if (!existsSync(launcher)) {
  console.log("[stopsms] no production build yet: running `npm run build` first (a few minutes, once)");
  const built = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
process.argv.splice(2, 0, "start");
await import(pathToFileURL(launcher).href);
