import "server-only";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { logger } from "@/lib/log";
import { returnSmsBudget, takeSmsBudget } from "@/lib/sms/sms-budget";
import { sendSms, SmsNotSentError } from "@/lib/sms/send-sms";

/**
 * After a verified refusal or withdrawal ("my number": the holder proved the number), its receipt by SMS,
 * so the citizen keeps it without printing anything. Never to an unverified number (a typed one could be
 * anyone's), within the platform's hourly SMS budget; a failure never undoes the act, it is only logged.
 */
export async function sendReceiptSms(
  phone: string,
  receiptId: string,
  kind: "stop" | "withdraw",
  locale: Locale,
): Promise<boolean> {
  const { STOPSMS_SMS_PER_HOUR, STOPSMS_PUBLIC_URL } = env();
  const budget = await takeSmsBudget(phone, STOPSMS_SMS_PER_HOUR);
  if (!budget.allowed) return false;
  const t = translatorFor(locale);
  const text = t(kind === "stop" ? "Number.receiptSmsStop" : "Number.receiptSmsWithdraw", {
    receipt: receiptId,
    url: `${STOPSMS_PUBLIC_URL}/receipt/${receiptId}`,
  });
  try {
    await sendSms({ to: phone, text });
    return true;
  } catch (error) {
    if (!(error instanceof SmsNotSentError)) throw error;
    await returnSmsBudget(phone);
    logger.warn({ receiptId }, "receipt SMS not sent");
    return false;
  }
}
