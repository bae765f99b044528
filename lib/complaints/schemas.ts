import { z } from "zod";
import { isLinkCode } from "@/lib/links/link-code";

export const complaintReasons = ["no_mention", "after_opposition", "other"] as const;

/** The citizen's report form. Error messages are codes, translated by the page. */
export const complaintInputSchema = z.object({
  reason: z.enum(complaintReasons, { error: "reason.required" }),
  senderSeen: z.string().trim().min(1, "sender.required").max(100, "sender.too-long"),
  messageText: z.string().trim().min(1, "message.required").max(2000, "message.too-long"),
  receivedOn: z.iso.date({ error: "received.invalid" }),
  phone: z.string().trim().max(64).optional(),
  /** The code of the SMS's StopSMS link, when the report starts from it. */
  link: z.string().refine(isLinkCode).optional().catch(undefined),
  sharePhone: z.boolean().default(false),
  /** The sender as typed before a "did you mean" was shown, and the citizen's answer to it. */
  senderAsTyped: z.string().trim().max(100).optional(),
  senderChoice: z.enum(["suggested", "typed"]).optional().catch(undefined),
  /** The receipt the report starts from: its number and sender. */
  receipt: z
    .string()
    .regex(/^R-[A-Z0-9]{5}-[A-Z0-9]{5}$/)
    .optional()
    .catch(undefined),
});

/** The protocol's complaint types (docs/protocol.md 1.1) for the stored reasons. */
export const complaintType = {
  after_opposition: "sent-after-opposition",
  no_mention: "no-stopsms-mention",
  no_consent: "no-consent",
  other: "other",
} as const;

export type ComplaintInput = z.infer<typeof complaintInputSchema>;
