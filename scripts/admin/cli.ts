// What the admin CLI's commands share: the actor they audit as, their flags, the errors that set the exit code.
import os from "node:os";
import type { Actor } from "@/lib/audit/write-audit";

export class UsageError extends Error {}
export class PackRefused extends Error {}
export class LogRefused extends Error {}

export const actor: Actor = { kind: "cli", label: process.env.SUDO_USER || os.userInfo().username };

export type Flags = Record<string, string | (string | boolean)[] | boolean | undefined>;

export function required(flags: Flags, name: string): string {
  const value = flags[name];
  if (typeof value !== "string" || value === "") throw new UsageError(`--${name} is required`);
  return value;
}

export function list(flags: Flags, name: string): string[] {
  const value = flags[name];
  return Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value] : [];
}

export type Command = {
  flags: Record<string, { type: "string" | "boolean"; multiple?: boolean }>;
  positionals?: number;
  run: (f: Flags, args: string[]) => Promise<string>;
};
