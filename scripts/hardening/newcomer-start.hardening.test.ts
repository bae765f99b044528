import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { postOptOut, recordResult } from "./results";

// A newcomer's `npm start`: no DATABASE_URL, so the launcher starts the embedded database (PGlite) while the
// production server loads Next, then tells the server to listen (scripts/launch.ts, scripts/serve.ts). The
// opt-out write path (one simple-protocol message, batched) must work on PGlite as on PostgreSQL.
const PORT = 3247;
const base = `http://127.0.0.1:${PORT}`;
let dataDir: string;
const started: ChildProcess[] = [];
// A newcomer's shell has no NODE_ENV (vitest's "test" would hide what it changes, scripts/build-server.mjs).
const newcomerShell = { ...process.env };
Reflect.deleteProperty(newcomerShell, "NODE_ENV");

function start(): { child: ChildProcess; exited: Promise<number | null>; output: () => string } {
  let output = "";
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    env: {
      ...newcomerShell,
      DATABASE_URL: "",
      AUTH_SECRET: "",
      STOPSMS_DATA_DIR: dataDir,
      PORT: String(PORT),
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  started.push(child);
  for (const stream of [child.stdout!, child.stderr!])
    stream.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function healthy(started: number, running: ReturnType<typeof start>): Promise<number> {
  for (;;) {
    if (running.child.exitCode !== null) throw new Error(`npm start exited:\n${running.output()}`);
    if (Date.now() - started > 60_000) throw new Error(`no answer within 60 s:\n${running.output()}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function stop(running: ReturnType<typeof start>): Promise<number | null> {
  process.kill(-running.child.pid!, "SIGTERM");
  return running.exited;
}

afterAll(async () => {
  // A failed assertion must not leave a server holding the port for the next run.
  for (const child of started) if (child.exitCode === null) process.kill(-child.pid!, "SIGKILL");
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe("npm start on the embedded database", () => {
  it("answers, records an opt-out, stops cleanly, and finds it again after a restart", async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "stopsms-newcomer-"));
    const first = start();
    const firstMs = await healthy(Date.now(), first);
    const phone = "+212612345678";
    const { status, receipt } = await postOptOut(base, phone);
    expect(status).toBe(303);
    expect(receipt).toMatch(/^[A-Z0-9-]+$/);
    const again = await postOptOut(base, phone); // already in force: a new receipt, the same opposition
    expect(again.status).toBe(303);
    expect((await fetch(`${base}/receipt/${receipt}`)).status).toBe(200);
    // A page of the fast path (the refused form, rendered by serve.ts itself): it answered 500 when React's JSX
    // runtime and react-dom/server were not the same build (scripts/build-server.mjs).
    const refused = await fetch(`${base}/stop/submit`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "phone=%2B212612345678%00",
      redirect: "manual",
    });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("<html");
    expect(first.output()).not.toContain('"level":50');
    expect(await stop(first)).toBe(0);

    const second = start();
    const secondMs = await healthy(Date.now(), second);
    const page = await fetch(`${base}/receipt/${receipt}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(receipt!);
    expect(await stop(second)).toBe(0);
    recordResult("npm start on the embedded database (fresh data directory, then a restart)", {
      "first start until /api/health answers (ms)": firstMs,
      "restart (ms)": secondMs,
    });
  });
});
