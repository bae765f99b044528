// A newcomer's first `npm start`.
import { spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { repeated } from "@/scripts/bench/measure";
import { report, runs } from "@/scripts/bench/context";

export async function timeStart(dataDir: string): Promise<{ ms: number; failure: string }> {
  const started = Date.now();
  const child = spawn("npm", ["start"], {
    env: {
      ...process.env,
      DATABASE_URL: "",
      AUTH_SECRET: "",
      STOPSMS_DATA_DIR: dataDir,
      PORT: "3248",
      NODE_OPTIONS: "",
    },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  let exited = false;
  const gone = new Promise<void>((resolve) => child.on("exit", () => ((exited = true), resolve())));
  let ms = NaN;
  for (let i = 0; i < 1200 && !exited; i++) {
    try {
      if ((await fetch("http://127.0.0.1:3248/api/health")).ok) {
        ms = Date.now() - started;
        break;
      }
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  if (!exited) process.kill(-child.pid!, "SIGTERM");
  await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  // npm may exit before its children: wait until the whole process group (launcher, server, PGlite) is gone,
  // or the next start would find the port or the data directory still held.
  for (let i = 0; i < 300; i++) {
    try {
      process.kill(-child.pid!, 0);
    } catch {
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { ms, failure: stderr.trim().split("\n").slice(-3).join(" / ") };
}

export async function benchColdStart() {
  // Each run: a first start on a fresh data directory (the newcomer's), then a restart on it.
  let failure = "";
  const r = await repeated(runs, async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "stopsms-cold-"));
    const first = await timeStart(dataDir);
    const second = await timeStart(dataDir);
    failure ||= Number.isNaN(first.ms) ? first.failure : Number.isNaN(second.ms) ? second.failure : "";
    return { fresh: first.ms / 1000, again: second.ms / 1000 };
  });
  report(
    "cold start: `npm start` on the embedded database (built app: compiled server, packed initial database) until /api/health answers",
    failure
      ? `never answered: ${failure}`
      : `fresh data dir ${r.show("fresh", 1, " s")}, restart ${r.show("again", 1, " s")}`,
    "—",
    "< 3 s",
    !failure && r.median("fresh") < 3 && r.median("again") < 3,
  );
}
