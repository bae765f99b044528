import { z } from "zod";
import { slugSchema } from "@/lib/providers/schemas";
import { declarationSchema, LIST_SOURCE_KINDS } from "@/lib/sources/schemas";

// One source of truth for /api/v1: handlers parse with these, and /api/v1/openapi.json is generated
// from them (lib/web/api/openapi.ts).

export const LIMITS = {
  changesDefault: 1000,
  changesMax: 10_000,
  snapshotDefault: 10_000,
  snapshotMax: 50_000,
  phonesMax: 100_000,
} as const;

// A seq is a PostgreSQL bigint: anything larger is a client error, not a database error.
const seq = z.coerce.bigint().min(0n).max(9_223_372_036_854_775_807n);
const e164 = z
  .string()
  .regex(/^\+[1-9]\d{6,14}$/)
  .meta({ description: "E.164 phone number", example: "+212612345678" });
const isoTime = z.string().meta({ format: "date-time", example: "2026-11-23T08:00:00.000Z" });
const scope = z.enum(["all", "sender", "source"]).meta({
  description: "`all`: every sender; `sender`: one sender; `source` (1.2): every campaign declaring one list source",
});
const sourceMember = z
  .string()
  .optional()
  .meta({ description: "Only when `scope` is `source` (1.2): the list source's code" });

export const changesQuery = z.object({
  after: seq.default(0n).meta({ description: "Return changes with seq greater than this (your stored `next`)" }),
  limit: z.coerce.number().int().min(1).max(LIMITS.changesMax).default(LIMITS.changesDefault),
});

export const snapshotQuery = z.object({
  cursor: z
    .string()
    .max(200)
    .optional()
    .meta({ description: "Opaque cursor from the previous page; omit for the first page" }),
  limit: z.coerce.number().int().min(1).max(LIMITS.snapshotMax).default(LIMITS.snapshotDefault),
});

export const phonesInput = z.array(z.string().max(64)).min(1).max(LIMITS.phonesMax);

export const campaignSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, "1 to 100 letters, digits, dots, hyphens or underscores");

export const checkBody = z
  .object({
    sender: slugSchema.meta({ description: "Sender code the campaign is for" }),
    phones: phonesInput.meta({ description: "Numbers to wash (national or E.164), at most 100000" }),
    campaign: campaignSchema
      .optional()
      .meta({ description: "1.2: the campaign (already declared): numbers opposed for its declared source come back" }),
    source: slugSchema
      .optional()
      .meta({ description: "1.2: a list source code, before the campaign exists (or `own`)" }),
  })
  .refine((body) => !(body.campaign && body.source), { message: "give `campaign` or `source`, not both" });

export const linksBody = z.object({
  sender: slugSchema,
  campaign: campaignSchema,
  phones: phonesInput,
  expires_in_days: z.number().int().min(1).max(365).default(90),
  declaration: declarationSchema.optional().meta({
    description:
      "1.2: on whose behalf, on what basis and from which list; required with a campaign's first mint, fixed after",
  }),
});

export const keywordsBody = z.object({
  from: z.string().max(64).meta({ description: "The number that sent the STOP reply" }),
  text: z.string().max(1600).meta({ description: "The reply text as received" }),
  sender: slugSchema.optional().meta({ description: "Sender the reply was addressed to; absent means all senders" }),
  received_at: z.iso.datetime({ offset: true }).optional(),
});

export const numberEventsBody = z.object({
  events: z
    .array(
      z.object({
        phone: z.string().max(64).meta({ description: "The number (national or E.164)" }),
        event: z.enum(["disconnected", "reinstated", "ported"]).meta({
          description:
            "disconnected: the number left its subscriber (ends the oppositions recorded before `at`); reinstated: that was an error (within 90 days of when the disconnection was recorded); ported: the number now belongs to the operator `to`",
        }),
        at: z.iso
          .datetime({ offset: true })
          .meta({ description: "When it happened: within the last 7 days, at most 5 minutes ahead" }),
        to: slugSchema.optional().meta({ description: "ported only: the receiving operator's slug" }),
      }),
    )
    .min(1)
    .max(10_000)
    .superRefine((events, ctx) =>
      events.forEach((e, i) => {
        if (e.event === "ported" && !e.to)
          ctx.addIssue({ code: "custom", path: [i, "to"], message: "ported needs the receiving operator" });
      }),
    ),
});

export const ackBody = z.object({
  applied: z
    .number()
    .int()
    .min(0)
    .max(Number.MAX_SAFE_INTEGER)
    .meta({ description: "Every change up to this seq is applied in all your sending systems" }),
});

export const complaintsQuery = z.object({
  after: z
    .string()
    .regex(/^C-[2-9A-HJKMNP-TV-Z]{5}-[2-9A-HJKMNP-TV-Z]{5}$/)
    .optional()
    .meta({ description: "The last complaint id you received (`next`)" }),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const complaintResponseBody = z.object({
  action: z.enum(["suppressed", "disputed", "investigating"]),
  text: z.string().max(4000).default(""),
});

const invalidEntry = z.object({ input: z.string(), reason: z.string() });

const logIndex = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const logSize = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
export const inclusionQuery = z.object({
  index: logIndex.meta({ description: "The change's `index`" }),
  size: logSize.meta({ description: "Tree size of the tree head to prove against" }),
});
export const consistencyQuery = z.object({
  from: logSize.meta({ description: "Size of the older tree head" }),
  to: logSize.meta({ description: "Size of the newer tree head" }),
});
export const treeHeadsQuery = z.object({
  after: z.iso
    .datetime({ offset: true })
    .default("1970-01-01T00:00:00Z")
    .meta({ description: "Recorded tree heads after this time" }),
});
const hash = z.string().meta({ description: "SHA-256, base64url" });
const treeHead = z.object({ size: z.number().int(), root: hash, at: isoTime });

export const responses = {
  treeHead,
  sources: z.object({
    sources: z.array(z.object({ code: z.string(), name: z.string(), kind: z.enum(LIST_SOURCE_KINDS) })),
  }),
  treeHeads: z.object({ tree_heads: z.array(treeHead), more: z.boolean() }),
  inclusion: z.object({ index: z.number().int(), size: z.number().int(), leaf: hash, path: z.array(hash) }),
  consistency: z.object({ from: z.number().int(), to: z.number().int(), path: z.array(hash) }),
  senders: z.object({
    senders: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        sms_ids: z.array(z.string()).meta({ description: "The SMS sender ids (source_addr) registered for it (1.2)" }),
      }),
    ),
  }),
  snapshotFiles: z.object({
    at: z
      .number()
      .int()
      .meta({ description: "The feed index the files are complete up to: then follow changes?after=at" }),
    files: z.array(
      z.object({
        scope,
        sender: z.string().nullable(),
        source: sourceMember,
        url: z.string(),
        sha256: z.string().meta({ description: "Of the gzip file, hex" }),
        entries: z.number().int(),
        bytes: z.number().int(),
      }),
    ),
  }),
  changes: z.object({
    changes: z.array(
      z.object({
        seq: z.number().int(),
        op: z.enum(["add", "remove"]),
        reason: z.enum(["opposed", "reinstated", "withdrawn", "number-disconnected"]).meta({
          description: "Why (version 1.1): opposed/reinstated for add, withdrawn/number-disconnected for remove",
        }),
        phone: e164,
        scope,
        sender: z.string().nullable(),
        source: sourceMember,
        at: isoTime,
        index: z
          .number()
          .int()
          .meta({ description: "Position in the transparency log (version 1.1): 0, 1, 2… in commit order, no gaps" }),
        salt: z.string().meta({ description: "16 random bytes, base64url (version 1.1): part of the log leaf" }),
      }),
    ),
    next: z.number().int(),
    more: z.boolean(),
    head: z.number().int(),
  }),
  snapshot: z.object({
    at: z.number().int(),
    entries: z.array(
      z.object({ phone: e164, scope, sender: z.string().nullable(), source: sourceMember, since: isoTime }),
    ),
    cursor: z.string().nullable(),
  }),
  check: z.object({
    checked: z.number().int(),
    suppressed: z.array(z.object({ phone: e164, scope })),
    invalid: z.array(invalidEntry),
  }),
  links: z.object({
    links: z.array(z.object({ phone: e164, code: z.string(), url: z.string() })),
    invalid: z.array(invalidEntry),
  }),
  keywords: z.union([
    z.object({ recorded: z.literal(true), op: z.enum(["add", "remove"]), scope, receipt: z.string() }),
    z.object({
      recorded: z.literal(false),
      reason: z.enum(["not-a-stop-word", "recorded-elsewhere", "global", "nothing-to-withdraw"]),
    }),
  ]),
  ack: z.object({ applied: z.number().int(), at: isoTime }),
  numberEvents: z.object({
    accepted: z.number().int(),
    ended: z.number().int(),
    restored: z.number().int(),
    held: z.number().int().optional().meta({ description: "Only in a 202: events held for staff review" }),
    invalid: z.array(z.object({ input: z.string(), reason: z.string() })),
  }),
  complaints: z.object({
    complaints: z.array(
      z.object({
        id: z.string(),
        type: z.enum(["sent-after-opposition", "no-stopsms-mention", "no-consent", "other"]),
        sender: z.string().nullable(),
        campaign: z.string().nullable(),
        link: z.string().nullable(),
        phone: z
          .string()
          .nullable()
          .meta({ description: "Masked (+212 6•• •• •• 78) unless the citizen agreed to share it" }),
        received_at: isoTime,
        reported_at: isoTime,
        verdict: z.enum(["violation", "within-deadline", "no-opposition", "undetermined"]),
        respond_by: isoTime,
        reported_times: z.number().int().meta({ description: "How often the same link was reported (one complaint)" }),
        declaration: declarationSchema
          .optional()
          .meta({ description: "1.2, `no-consent` only: the declaration of the campaign the link belongs to" }),
      }),
    ),
    next: z.string().nullable(),
    more: z.boolean(),
  }),
  complaintResponse: z.object({ id: z.string(), responded_at: isoTime, late: z.boolean() }),
  problem: z.object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.enum([
      "signature-missing",
      "signature-invalid",
      "unknown-key",
      "signature-expired",
      "replayed",
      "digest-mismatch",
      "forbidden",
      "not-found",
      "method-not-allowed",
      "cursor-ahead",
      "ack-regressed",
      "too-large",
      "invalid-request",
      "number-not-owned",
      "at-out-of-range",
      "declaration-required",
      "declaration-changed",
      "unknown-source",
      "unknown-campaign",
      "consent-required",
      "unsupported-media-type",
      "rate-limited",
      "internal",
      "snapshot-files-not-ready",
      "unavailable",
    ]),
    detail: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
};
