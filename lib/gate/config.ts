import "server-only";
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { declarationSchema } from "@/lib/sources/schemas";

// The gate's configuration, from its environment (README "Run the gate"), checked once at start: every
// problem said on its own line, and nothing starts until all are fixed.

const hostPort = z.string().regex(/^[^:\s]+:\d{1,5}$/, "must be host:port");

const envSchema = z.object({
  STOPSMS_GATE_LISTEN: hostPort.default("127.0.0.1:2775"),
  STOPSMS_GATE_UPSTREAM: z.url({ protocol: /^smpp$/, error: "must be smpp://system_id:password@host:port" }),
  STOPSMS_GATE_PLATFORM: z.url({ protocol: /^https?$/, error: "must be the platform's http(s):// base URL" }),
  STOPSMS_GATE_KEYID: z.string({ error: "is required (the keyid of the provider's API key)" }).min(1),
  STOPSMS_GATE_KEY_FILE: z.string({ error: "is required (the PKCS#8 PEM file of that key)" }).min(1),
  STOPSMS_GATE_ACCOUNTS: z.string({ error: "is required (the JSON file of the ESME accounts)" }).min(1),
  STOPSMS_GATE_STATE_DIR: z.string().min(1).default(".data/gate"),
  STOPSMS_GATE_MODE: z.enum(["append", "require"]).default("append"),
  STOPSMS_GATE_MAX_STALENESS: z
    .string()
    .regex(/^\d+(s|m|h)$/, "must be a duration such as 6h, 30m or 90s")
    .default("6h"),
  STOPSMS_GATE_FEED_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
  /** How long the parts of a message the ESME split itself wait for their siblings (docs/gate.md). */
  STOPSMS_GATE_CONCAT_WAIT: z
    .string()
    .regex(/^\d+(s|m|h)$/, "must be a duration such as 5s")
    .default("5s"),
  STOPSMS_GATE_METRICS: hostPort.optional(),
});

export const accountSchema = z.object({
  system_id: z.string().min(1).max(15),
  password_hash: z.string().startsWith("$argon2", "must be an argon2 hash (npm run gate -- hash-password)"),
  kind: z.enum(["commercial", "transactional"]),
  campaign: z.string().min(1).max(64).optional(),
  /** A commercial account's declaration (provenance, docs/protocol.md 1.2): minted with, and its list source refused. */
  declaration: declarationSchema.optional(),
  /** How many concatenated parts a message may grow to when the mention is appended. */
  max_parts: z.number().int().min(1).max(10).default(3),
  /** submit_sm per second before ESME_RTHROTTLED. */
  per_second: z.number().int().min(1).default(1000),
});
export type GateAccount = z.infer<typeof accountSchema>;

const accountsSchema = z
  .array(accountSchema)
  .min(1)
  .refine((accounts) => new Set(accounts.map((a) => a.system_id)).size === accounts.length, "system_id repeated")
  .refine(
    (accounts) => accounts.every((a) => a.kind === "transactional" || a.campaign),
    "a commercial account needs its campaign (the name its links are minted under)",
  )
  .refine(
    (accounts) => accounts.every((a) => a.kind === "transactional" || a.declaration),
    "a commercial account needs its declaration (advertiser, purpose, basis, source, collected_at, collected_how)",
  );

export interface GateConfig {
  listen: { host: string; port: number };
  upstream: { host: string; port: number; systemId: string; password: string };
  platform: string;
  keyid: string;
  keyFile: string;
  accounts: GateAccount[];
  stateDir: string;
  mode: "append" | "require";
  maxStalenessMs: number;
  feedMs: number;
  concatWaitMs: number;
  metrics: { host: string; port: number } | null;
}

export class GateConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
  }
}

const split = (value: string) => {
  const at = value.lastIndexOf(":");
  return { host: value.slice(0, at), port: Number(value.slice(at + 1)) };
};
const durationMs = (value: string) =>
  Number(value.slice(0, -1)) * { s: 1000, m: 60_000, h: 3_600_000 }[value.at(-1) as "s" | "m" | "h"];

export async function readGateConfig(environment: NodeJS.ProcessEnv): Promise<GateConfig> {
  const parsed = envSchema.safeParse(environment);
  if (!parsed.success) throw new GateConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  const env = parsed.data;
  let accounts: GateAccount[];
  try {
    const listed = accountsSchema.safeParse(JSON.parse(await readFile(env.STOPSMS_GATE_ACCOUNTS, "utf8")));
    if (!listed.success)
      throw new GateConfigError(
        listed.error.issues.map((i) => `STOPSMS_GATE_ACCOUNTS ${i.path.join(".") || "(file)"}: ${i.message}`),
      );
    accounts = listed.data;
  } catch (error) {
    if (error instanceof GateConfigError) throw error;
    throw new GateConfigError([`STOPSMS_GATE_ACCOUNTS: cannot read ${env.STOPSMS_GATE_ACCOUNTS} as JSON`]);
  }
  const upstream = new URL(env.STOPSMS_GATE_UPSTREAM);
  return {
    listen: split(env.STOPSMS_GATE_LISTEN),
    upstream: {
      host: upstream.hostname,
      port: Number(upstream.port || 2775),
      systemId: decodeURIComponent(upstream.username),
      password: decodeURIComponent(upstream.password),
    },
    platform: env.STOPSMS_GATE_PLATFORM,
    keyid: env.STOPSMS_GATE_KEYID,
    keyFile: env.STOPSMS_GATE_KEY_FILE,
    accounts,
    stateDir: env.STOPSMS_GATE_STATE_DIR,
    mode: env.STOPSMS_GATE_MODE,
    maxStalenessMs: durationMs(env.STOPSMS_GATE_MAX_STALENESS),
    feedMs: env.STOPSMS_GATE_FEED_SECONDS * 1000,
    concatWaitMs: durationMs(env.STOPSMS_GATE_CONCAT_WAIT),
    metrics: env.STOPSMS_GATE_METRICS ? split(env.STOPSMS_GATE_METRICS) : null,
  };
}
