import { spawn, type ChildProcess } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { productionServerArgs } from "./production-server";
import { TSX_ENV, tsxImportArgs } from "./typescript-script";

export interface AppServer {
  url: string;
  process: ChildProcess;
  /** The server's last error lines (pino level 50 and above), for a bench or test to show why it failed. */
  recentErrors(count?: number): string[];
  stop(signal?: NodeJS.Signals): Promise<void>;
}

const SIGNING_KEY = generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();

/**
 * Starts the production server (scripts/serve.ts, compiled) on a loopback port against the given database;
 * `dev`: the same server from its source with Next in dev mode, as `npm run dev` runs it.
 */
export async function startAppServer(
  databaseUrl: string,
  port: number,
  extraEnv: Record<string, string> = {},
  nodeArgs: string[] = [],
  mode: "production" | "dev" = "production",
): Promise<AppServer> {
  const serverArgs =
    mode === "dev"
      ? tsxImportArgs("scripts/serve.ts", "--dev", "-p", String(port), "-H", "127.0.0.1")
      : productionServerArgs(port, "127.0.0.1");
  const child = spawn(process.execPath, [...nodeArgs, ...serverArgs], {
    env: {
      ...process.env,
      NODE_OPTIONS: "",
      ...TSX_ENV, // dev: the TypeScript sources, run as `npm run dev` does
      NODE_ENV: mode === "dev" ? "development" : "production",
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: "hardening-only-secret-hardening-only-secret",
      STOPSMS_SIGNING_KEY: SIGNING_KEY,
      STOPSMS_PUBLIC_URL: `http://127.0.0.1:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
      STOPSMS_SMS_GATEWAY: "outbox",
      STOPSMS_TRUSTED_PROXIES: "127.0.0.1,::1",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Never outlive the test process (a timed-out test does not reach its finally): a leftover would hold the port.
  const reap = () => child.kill("SIGKILL");
  process.once("exit", reap);
  child.once("exit", () => process.removeListener("exit", reap));
  const output: string[] = [];
  child.stdout?.on("data", (d) => output.push(String(d)));
  child.stderr?.on("data", (d) => output.push(String(d)));
  const url = `http://127.0.0.1:${port}`;
  // Next in dev mode compiles /api/health at its first request.
  const deadline = Date.now() + (mode === "dev" ? 150_000 : 60_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output.join("")}`);
    try {
      // Bounded: a server that accepts and never answers must fail the start, not hang it.
      if ((await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(mode === "dev" ? 60_000 : 5_000) })).ok)
        break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not answer in time:\n${output.join("")}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    process: child,
    recentErrors: (count = 5) =>
      output
        .join("")
        .split("\n")
        .filter((line) => /"level":(5|6)0/.test(line))
        .slice(-count),
    stop: (signal = "SIGTERM") =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill(signal);
      }),
  };
}
