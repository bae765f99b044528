import { z } from "zod";

export const complaintReasons = ["no_mention", "after_opposition", "other"] as const;

/** The citizen's report form. Error messages are codes, translated by the page. */
export const complaintInputSchema = z.object({
  reason: z.enum(complaintReasons, { error: "reason.required" }),
  senderSeen: z.string().trim().min(1, "sender.required").max(100, "sender.too-long"),
  messageText: z.string().trim().min(1, "message.required").max(2000, "message.too-long"),
  receivedOn: z.iso.date({ error: "received.invalid" }),
  phone: z.string().trim().max(64).optional(),
});

export type ComplaintInput = z.infer<typeof complaintInputSchema>;
