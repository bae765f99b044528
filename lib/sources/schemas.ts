import { z } from "zod";
import { displayNameSchema, slugSchema } from "@/lib/providers/schemas";

export const LIST_SOURCE_KINDS = ["broker", "partner"] as const;
export type ListSourceKind = (typeof LIST_SOURCE_KINDS)[number];

/** `own` is the advertiser's own collection: never a registered source, never refusable as one. */
export const OWN_SOURCE = "own";

export const listSourceCodeSchema = slugSchema.refine((code) => code !== OWN_SOURCE, {
  message: "`own` is reserved (the advertiser's own collection)",
});

export const createListSourceSchema = z.object({
  code: listSourceCodeSchema,
  name: displayNameSchema,
  kind: z.enum(LIST_SOURCE_KINDS),
  registration: z.string().trim().min(1).max(64).optional(),
  contact: z.string().trim().min(1).max(200).optional(),
});

export const updateListSourceSchema = z.object({
  code: listSourceCodeSchema,
  name: displayNameSchema,
  kind: z.enum(LIST_SOURCE_KINDS),
  registration: z.string().trim().max(64).optional(),
  contact: z.string().trim().max(200).optional(),
});

export const BASES = ["consent", "customer"] as const;
export type Basis = (typeof BASES)[number];

/** A campaign's declaration as POST /links carries it (SYNC-PROTOCOL 1.2). */
export const declarationSchema = z
  .object({
    advertiser: z.string().trim().min(1).max(200).optional(),
    purpose: z.string().trim().min(1).max(200),
    basis: z.enum(BASES),
    source: z.union([z.literal(OWN_SOURCE), slugSchema]),
    collected_at: z
      .string()
      .regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/, "a month, YYYY-MM")
      .refine((month) => month <= new Date().toISOString().slice(0, 7), { message: "must not be in the future" }),
    collected_how: z.string().trim().min(1).max(200),
  })
  .strict();

export type DeclarationInput = z.infer<typeof declarationSchema>;
