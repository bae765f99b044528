import { execFileSync } from "node:child_process";
import { randomInt } from "node:crypto";
import { readFileSync } from "node:fs";
import { tsxCliArgs } from "@/scripts/lib/typescript-script";

export function uniquePhone(): string {
  // +21261… is a valid Moroccan mobile range (some 68x are not allocated).
  return `+21261${randomInt(1_000_000, 9_999_999)}`;
}

/** A different client address per test, so per-IP rate limits of one test never spill into another. */
export function uniqueIp(): string {
  return `10.${randomInt(0, 255)}.${randomInt(0, 255)}.${randomInt(1, 254)}`;
}

function fixture(args: string[]): unknown {
  return JSON.parse(runScript("e2e/support/fixtures-cli.ts", args));
}

/** `npm run admin -- …` as staff run it, on the e2e database; its output. */
export function admin(...args: string[]): string {
  return runScript("scripts/admin.ts", args);
}

function runScript(script: string, args: string[]): string {
  return execFileSync(process.execPath, tsxCliArgs(script, ...args), {
    // LOG_LEVEL: stdout carries the fixture's JSON answer only (no log line of the lib functions it runs).
    env: {
      ...process.env,
      NODE_OPTIONS: "",
      LOG_LEVEL: "warn",
      DATABASE_URL: readFileSync(".data/e2e/database-url", "utf8").trim(),
    },
    encoding: "utf8",
  });
}

/** Builds the snapshot files now, as the scheduled job does every STOPSMS_SNAPSHOT_MINUTES. */
export function buildSnapshotFilesNow(): { at: string } {
  return fixture(["snapshot-build"]) as { at: string };
}

/** Mints a StopSMS link through lib/links (see fixtures-cli.ts). */
export function mintLink(
  senderCode: string,
  phone: string,
  options: { expired?: boolean; late?: boolean } = {},
): { code: string; url: string } {
  return fixture(["mint", senderCode, phone, ...(options.expired ? ["expired"] : options.late ? ["late"] : [])]) as {
    code: string;
    url: string;
  };
}

/** Registers a provider for one sender, with a fresh key whose private half is written to keyFile. */
export function registerProvider(slug: string, senderCode: string, keyFile: string): { keyid: string } {
  return fixture(["provider", slug, senderCode, keyFile]) as { keyid: string };
}

export function createStaff(email: string, role: "admin" | "analyst", password: string): { id: number } {
  return fixture(["staff", email, role, password]) as { id: number };
}

export function seedDemo(): void {
  fixture(["seed"]);
}
