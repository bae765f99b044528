import "server-only";
import { randomInt } from "node:crypto";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { resolveLink } from "@/lib/links/resolve-link";
import { assessComplaint } from "./assess-complaint";
import { loadReceipt } from "@/lib/oppositions/load-receipt";
import { repeatLinkReport } from "./repeat-link-report";
import { matchSender } from "@/lib/providers/match-sender";
import { parsePhone } from "@/lib/phone/parse-phone";
import { fieldErrors } from "@/lib/validation";
import { complaintInputSchema } from "./schemas";

const ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

export function generateComplaintId(): string {
  const part = () => Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `C-${part()}-${part()}`;
}

export type CreateComplaintResult =
  { status: "created"; id: string } | { status: "invalid"; errors: Record<string, string>; suggestion?: string };

/**
 * Stores a citizen's report as a Complaint with status `new`. Returns field errors as codes (the page
 * translates them) instead of throwing, because a form shows them inline.
 */
export async function createComplaint(
  input: unknown,
  options: {
    defaultRegion: string;
    now?: Date;
    /** The number the reporter proved by SMS code ("my number" session): a verified accuser. */
    verifiedPhone?: string;
  },
): Promise<CreateComplaintResult> {
  const parsed = complaintInputSchema.safeParse(input);
  const errors: Record<string, string> = parsed.success ? {} : fieldErrors(parsed.error.issues);
  let phone: string | null = null;
  const rawPhone = parsed.success ? parsed.data.phone : undefined;
  if (rawPhone) {
    const result = parsePhone(rawPhone, options.defaultRegion);
    if (result.ok) phone = result.e164;
    else errors.phone = `phone.${result.reason}`;
  }
  const now = options.now ?? new Date();
  if (parsed.success) {
    const receivedAt = new Date(`${parsed.data.receivedOn}T12:00:00Z`);
    if (receivedAt.getTime() > now.getTime() + 86_400_000) errors.receivedOn = "received.future";
    if (receivedAt.getTime() < now.getTime() - 5 * 365 * 86_400_000) errors.receivedOn = "received.too-old";
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { status: "invalid", errors };
  const data = parsed.data;
  // A report started from an SMS's link carries it: the link names the number, sender and provider.
  const link = data.link ? await resolveLink(data.link) : null;
  const fromLink = link?.status === "active" ? link : null;
  const receipt = !fromLink && data.receipt ? await loadReceipt(data.receipt) : null;
  let sender: { id: number } | null = fromLink?.sender ?? null;
  if (!fromLink) {
    const match = await matchSender(data.senderSeen);
    // A partial match is a question ("Did you mean …?"), answered yes or no for the same text. Either way the
    // sender is stored exactly as the citizen saw it (a spoofed sender id is evidence); "yes" links the match.
    const answered = data.senderAsTyped === data.senderSeen;
    if (match.kind === "suggestion" && !answered)
      return { status: "invalid", errors: { senderSeen: "sender.did-you-mean" }, suggestion: match.sender.name };
    sender =
      match.kind === "exact" || (match.kind === "suggestion" && data.senderChoice === "suggested")
        ? match.sender
        : null;
  }
  // The sender as shown is also the originator: a sending number (parsed to E.164) or a sender id, kept as typed.
  const originatorPhone = parsePhone(data.senderSeen, options.defaultRegion);
  return db().$transaction(async (tx) => {
    const repeated = fromLink ? await repeatLinkReport(tx, fromLink.code) : null;
    if (repeated) return { status: "created" as const, id: repeated.id };
    const id = generateComplaintId();
    const linkRow = fromLink
      ? await tx.stopLink.findUnique({ where: { code: fromLink.code }, select: { providerId: true } })
      : null;
    await tx.complaint.create({
      data: {
        id,
        reason: data.reason,
        senderSeen: data.senderSeen,
        senderId: sender?.id ?? null,
        messageText: data.messageText,
        receivedAt: new Date(`${data.receivedOn}T12:00:00Z`),
        phone:
          fromLink?.phone ??
          phone ??
          (options.verifiedPhone && !receipt ? options.verifiedPhone : null) ??
          receipt?.phone ??
          null,
        linkCode: fromLink?.code ?? null,
        providerId: linkRow?.providerId ?? null,
        // Verified: the SMS's own link, or a reporter who proved the number the complaint names.
        verified:
          Boolean(fromLink) ||
          (options.verifiedPhone !== undefined &&
            (phone ?? receipt?.phone ?? options.verifiedPhone) === options.verifiedPhone),
        sharePhone: data.sharePhone,
        originator: fromLink ? null : data.senderSeen,
        originatorPhone: !fromLink && originatorPhone.ok ? originatorPhone.e164 : null,
        createdAt: now,
        respondBy: new Date(now.getTime() + env().STOPSMS_RESPONSE_DAYS * 86_400_000),
      },
    });
    await assessComplaint(id, tx, now);
    return { status: "created" as const, id };
  });
}
