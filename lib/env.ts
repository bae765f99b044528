import "server-only";
import { z } from "zod";

// All configuration, validated once. Every variable is documented in README "Configuration".
const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgresql:// URL" }),
    DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    STOPSMS_PUBLIC_URL: z
      .url({ error: "must be an absolute URL such as https://stopsms.ma" })
      .default("http://localhost:3000"),
    STOPSMS_DEFAULT_REGION: z
      .string()
      .regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 region such as MA")
      .default("MA"),
    STOPSMS_MAX_LAG_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 90)
      .default(48),
    // Days a provider has to answer a complaint about its senders or links (docs/protocol.md 1.1).
    STOPSMS_RESPONSE_DAYS: z.coerce.number().int().min(1).max(90).default(15),
    // Violation verdicts in 30 days from which staff see a provider flagged.
    STOPSMS_VIOLATION_FLAG: z.coerce.number().int().min(1).max(1000).default(5),
    // Unverified refusals typed on /stop, all addresses together: refused past the cap in one hour (the form
    // then points to "my number"), and an alert on the dashboard past the alert level.
    STOPSMS_UNVERIFIED_PER_HOUR: z.coerce.number().int().min(1).default(3000),
    STOPSMS_UNVERIFIED_ALERT_PER_HOUR: z.coerce.number().int().min(1).default(500),
    // Of which one client network (/24 IPv4, /56 IPv6) may send: generous, since a carrier's NAT puts many
    // citizens behind one network; past it they are offered the verified way, never refused outright.
    STOPSMS_UNVERIFIED_PER_NETWORK_PER_HOUR: z.coerce.number().int().min(1).default(300),
    STOPSMS_DATA_DIR: z.string().min(1).default(".data"),
    // The controller's contact shown on /legal (Law 09-08 art. 5: who processes the data and how to reach them).
    STOPSMS_CONTROLLER_CONTACT: z
      .string()
      .min(1)
      .default("CNDP, angle boulevard Annakhil et avenue Mehdi Ben Barka, Hay Riad, Rabat, Maroc · contact@cndp.ma"),
    STOPSMS_SIGNING_KEY: z.string().includes("PRIVATE KEY", { error: "must be a PKCS#8 PEM private key" }).optional(),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
    REDIS_URL: z.url({ protocol: /^rediss?$/, error: "must be a redis:// URL" }).optional(),
    // Reverse proxies allowed to say who the client is (X-Forwarded-For) and which host it asked for:
    // addresses or CIDRs, comma-separated. Unset: the client is the socket's peer (lib/web/trusted-proxies.ts).
    STOPSMS_TRUSTED_PROXIES: z.string().optional(),
    // Retention (lib/jobs/purge-expired-data.ts, stated on /legal and in docs/privacy.md).
    STOPSMS_RETAIN_LINKS_DAYS: z.coerce.number().int().min(1).default(30),
    STOPSMS_RETAIN_ACCESS_LOG_MONTHS: z.coerce.number().int().min(1).default(12),
    STOPSMS_RETAIN_CODES_DAYS: z.coerce.number().int().min(1).default(1),
    STOPSMS_RETAIN_OUTBOX_DAYS: z.coerce.number().int().min(1).default(7),
    STOPSMS_RETAIN_CLOSED_COMPLAINTS_YEARS: z.coerce.number().int().min(1).default(5),
    // Scheduled jobs (pg-boss, on this database): on unless set to "off" (for a read-only instance, say).
    STOPSMS_JOBS: z.enum(["on", "off"]).default("on"),
    // Snapshot files (docs/protocol.md 1.1): rebuilt at most this often, and only when the feed moved.
    STOPSMS_SNAPSHOT_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
    // The transparency log's tree head as visitors see it: published at most this often (providers see it live).
    STOPSMS_LOG_PUBLISH_SECONDS: z.coerce.number().int().min(1).max(86_400).default(3600),
    // Canary entries (issue 12): how many each provider's snapshot and feed carry, and the number ranges the
    // regulator reserves for them ("first-last" E.164 pairs, comma-separated; numbers the ANRT never assigns).
    STOPSMS_CANARIES: z.coerce.number().int().min(0).max(20).default(3),
    STOPSMS_CANARY_RANGES: z
      .string()
      .regex(
        /^\+\d{8,15}-\+\d{8,15}(,\+\d{8,15}-\+\d{8,15})*$/,
        "must be first-last E.164 pairs, comma-separated (+212699900000-+212699999999)",
      )
      .default("+212699900000-+212699999999"),
    // Open statistics (/statistics, /api/open/v1): providers named with their compliance (the regulator names
    // and shames; "off" to publish none), and the links a sender must mint in a period to be named.
    STOPSMS_PUBLISH_PROVIDERS: z.enum(["on", "off"]).default("on"),
    // Provenance (docs/protocol.md 1.2): a campaign's first POST /links must carry its declaration.
    STOPSMS_REQUIRE_DECLARATION: z.enum(["on", "off"]).default("on"),
    STOPSMS_PUBLISH_MIN_LINKS: z.coerce.number().int().min(1).default(1000),
    // An operator's disconnections past this many a day are held for staff review (lib/numbers).
    STOPSMS_NUMBER_EVENTS_REVIEW_PER_DAY: z.coerce.number().int().min(1).default(1000),
    // Numbers one provider may wash or mint per minute (all its keys, all instances with Redis).
    STOPSMS_PROVIDER_NUMBERS_PER_MINUTE: z.coerce.number().int().min(1000).default(2_000_000),
    // Bearer token of GET /metrics (Prometheus); unset: no metrics endpoint.
    STOPSMS_METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    // SMS gateway for verification codes (lib/sms): unset means the outbox, except in production on a real
    // database, where a code must really leave (sendSms refuses, /api/health says why).
    STOPSMS_SMS_GATEWAY: z.enum(["outbox", "smpp", "http"]).optional(),
    STOPSMS_SMPP_URL: z.url({ protocol: /^smpps?$/, error: "must be smpp://system_id:password@host:port" }).optional(),
    // SMS the platform may send in an hour, all numbers together (codes): past it the form says so (lib/sms).
    STOPSMS_SMS_PER_HOUR: z.coerce.number().int().min(1).default(2000),
    STOPSMS_SMS_SOURCE: z.string().min(1).max(16).default("StopSMS"),
    STOPSMS_SMS_HTTP_URL: z.url({ protocol: /^https?$/, error: "must be an http(s):// URL" }).optional(),
    STOPSMS_SMS_HTTP_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  })
  .superRefine((value, ctx) => {
    if (value.STOPSMS_SMS_GATEWAY === "smpp" && !value.STOPSMS_SMPP_URL)
      ctx.addIssue({
        code: "custom",
        path: ["STOPSMS_SMPP_URL"],
        message: "is required when STOPSMS_SMS_GATEWAY=smpp",
      });
    if (value.STOPSMS_SMS_GATEWAY === "http") {
      for (const name of ["STOPSMS_SMS_HTTP_URL", "STOPSMS_SMS_HTTP_SECRET"] as const) {
        if (!value[name])
          ctx.addIssue({ code: "custom", path: [name], message: "is required when STOPSMS_SMS_GATEWAY=http" });
      }
    }
  });

export type Env = z.infer<typeof schema>;

/** Formats zod issues as one line per variable, so a bad deployment says exactly what to fix. */
export function describeEnvProblems(error: z.ZodError): string {
  return error.issues.map((issue) => `  ${issue.path.join(".") || "(env)"}: ${issue.message}`).join("\n");
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings count as unset: `FOO=` in a shell or .env file means "use the default".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  // Unset, the public URL is this machine on the port the app really listens on (links minted on a trial
  // run on PORT=3100 must open): only a deployment behind a proxy or a domain needs to set it.
  cleaned.STOPSMS_PUBLIC_URL ??= `http://localhost:${cleaned.PORT ?? "3000"}`;
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new Error(`Invalid configuration:\n${describeEnvProblems(result.error)}`);
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
