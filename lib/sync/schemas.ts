import { z } from "zod";
import { slugSchema } from "@/lib/providers/schemas";
import { declarationSchema } from "@/lib/sources/schemas";

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
export const e164 = z
  .string()
  .regex(/^\+[1-9]\d{6,14}$/)
  .meta({ description: "E.164 phone number", example: "+212612345678" });
export const isoTime = z.string().meta({ format: "date-time", example: "2026-11-23T08:00:00.000Z" });
export const scope = z.enum(["all", "sender", "source"]).meta({
  description: "`all`: every sender; `sender`: one sender; `source` (1.2): every campaign declaring one list source",
});
export const sourceMember = z
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

export const invalidEntry = z.object({ input: z.string(), reason: z.string() });

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
