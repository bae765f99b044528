import "server-only";
import type { Locale } from "@/lib/i18n/locales";
import { sendReceiptSms } from "@/lib/my-number/send-receipt-sms";
import { recordOpposition } from "@/lib/oppositions/record-opposition";
import type { OppositionTarget } from "@/lib/oppositions/types";
import { withdrawOpposition } from "@/lib/oppositions/withdraw-opposition";
import { findSenderByCodeOrName } from "@/lib/providers/list-public-senders";
import { findListSource } from "@/lib/sources/find-list-source";

type NumberForm = { scope: string; sender: string; source?: string };

/** The target a /number form names (scope and sender code), or null when it names nothing real. */
async function targetOf(form: NumberForm): Promise<OppositionTarget | null> {
  if (form.scope === "all") return { scope: "all", senderId: null };
  if (form.scope === "source") {
    const source = form.source ? await findListSource(form.source) : null;
    return source ? { scope: "source", senderId: null, listSourceId: source.id } : null;
  }
  if (form.scope !== "sender" || !form.sender) return null;
  const sender = await findSenderByCodeOrName(form.sender);
  return sender ? { scope: "sender", senderId: sender.id } : null;
}

/**
 * A verified holder stops all senders or one: returns the receipt id, or null for a form naming nothing; a
 * new refusal's receipt is also sent by SMS.
 */
export async function stopForVerifiedNumber(phone: string, form: NumberForm, locale: Locale): Promise<string | null> {
  const target = await targetOf(form);
  if (!target) return null;
  const { created, receipt } = await recordOpposition({ phone, target, source: "web", verified: true });
  // The receipt by SMS, once: a refusal already in force sends nothing again.
  if (created) await sendReceiptSms(phone, receipt.id, "stop", locale);
  return receipt.id;
}

/** A verified holder withdraws an opposition (feed `remove`, reason `withdrawn`): its receipt id, or null. */
export async function withdrawForVerifiedNumber(
  phone: string,
  form: NumberForm,
  locale: Locale,
): Promise<string | null> {
  const target = await targetOf(form);
  if (!target) return null;
  const { receipt } = await withdrawOpposition({ phone, target, source: "web" });
  if (receipt) await sendReceiptSms(phone, receipt.id, "withdraw", locale);
  return receipt?.id ?? null;
}
