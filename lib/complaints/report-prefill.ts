import "server-only";
import { isLinkCode } from "@/lib/links/link-code";
import { resolveLink } from "@/lib/links/resolve-link";
import { loadReceipt } from "@/lib/oppositions/load-receipt";
import { isReceiptId } from "@/lib/oppositions/receipt-id";

/** What /report fills in when it is opened from an SMS's link (`?link=`) or from a receipt (`?receipt=`). */
export async function reportPrefill(search: {
  link?: string;
  receipt?: string;
  /** The sender as typed on /stop when it is not registered: reported as seen. */
  sender?: string;
}): Promise<{ reason?: string; senderSeen?: string; link?: string; receipt?: string; provider?: string }> {
  if (search.link && isLinkCode(search.link)) {
    const link = await resolveLink(search.link);
    if (link.status === "active")
      return { reason: "after_opposition", senderSeen: link.sender.name, link: link.code, provider: link.providerName };
  }
  if (search.receipt && isReceiptId(search.receipt)) {
    const receipt = await loadReceipt(search.receipt);
    if (receipt) return { reason: "after_opposition", senderSeen: receipt.sender?.name, receipt: receipt.id };
  }
  if (search.sender?.trim()) return { senderSeen: search.sender.trim().slice(0, 100) };
  return {};
}
