import { z } from "zod";
import { declarationSchema, LIST_SOURCE_KINDS } from "@/lib/sources/schemas";
import { e164, invalidEntry, isoTime, scope, sourceMember } from "./schemas";

// What /api/v1 answers, for its OpenAPI document (lib/web/api/openapi.ts) and the /developers examples'
// test: the requests' schemas are in schemas.ts.

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
