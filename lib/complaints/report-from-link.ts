import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { resolveLink } from "@/lib/links/resolve-link";
import { assessComplaint, type Verdict } from "./assess-complaint";
import { generateComplaintId } from "./create-complaint";
import { repeatLinkReport } from "./repeat-link-report";

/**
 * One tap on the landing page of an SMS's own link: "this SMS should not have been sent". The link proves
 * the SMS reached that number (only its recipient has the code), so the complaint is verified and carries
 * the sender, the provider that minted the link, the campaign and the mint time. Judged at once. Reported
 * again, it is the same complaint (repeat-link-report.ts). `no_consent` ("I never agreed", 1.2): the
 * campaign's declaration, read through the link, is its evidence.
 */
export async function reportFromLink(
  code: string,
  options: { sharePhone: boolean; reason?: "after_opposition" | "no_consent"; now?: Date },
): Promise<{ id: string; verdict: Verdict } | null> {
  const link = await resolveLink(code);
  if (link.status !== "active") return null;
  const now = options.now ?? new Date();
  const id = generateComplaintId();
  return db().$transaction(async (tx) => {
    const repeated = await repeatLinkReport(tx, code);
    if (repeated) return repeated;
    await tx.$executeRaw`
      INSERT INTO complaints (id, reason, sender_seen, sender_id, message_text, received_at, phone, status, created_at, updated_at,
                              link_code, provider_id, verified, share_phone, respond_by)
      SELECT ${id}, ${options.reason ?? "after_opposition"}::"ComplaintReason", s.name, l.sender_id, '', ${now}, l.phone, 'new', ${now}, ${now},
             l.code, l.provider_id, true, ${options.sharePhone}, ${new Date(now.getTime() + env().STOPSMS_RESPONSE_DAYS * 86_400_000)}
      FROM stop_links l JOIN senders s ON s.id = l.sender_id WHERE l.code = ${code}`;
    const { verdict } = await assessComplaint(id, tx, now);
    return { id, verdict };
  });
}
