import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

// Where the running app answers, for the CLIs' messages: `npm start`/`npm run dev` record it under the data
// directory, so that `npm run admin` run from another shell (without PORT) names the right port.
const fileIn = (dataDir: string) => path.join(dataDir, "app-url");

export function recordAppUrl(dataDir: string, url: string): void {
  try {
    writeFileSync(fileIn(dataDir), `${url}\n`);
  } catch {
    // A read-only data directory: the CLIs fall back to the configuration.
  }
}

/** STOPSMS_PUBLIC_URL or PORT when set; else what the running app recorded; else the default. */
export function appUrl(configured: string, dataDir = process.env.STOPSMS_DATA_DIR || ".data"): string {
  if (process.env.STOPSMS_PUBLIC_URL || process.env.PORT) return configured;
  try {
    return readFileSync(fileIn(dataDir), "utf8").trim() || configured;
  } catch {
    return configured;
  }
}
