import "server-only";
import { randomInt } from "node:crypto";
import { db } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { isNationalMobile } from "@/lib/phone/is-national-mobile";
import { parsePhone } from "@/lib/phone/parse-phone";
import { checkRateLimits } from "@/lib/rate-limit/check-rate-limit";
import { limitKeys } from "@/lib/rate-limit/limit-keys";
import { sendSms, SmsNotSentError } from "@/lib/sms/send-sms";
import { returnSmsBudget, takeSmsBudget } from "@/lib/sms/sms-budget";
import { hashCode } from "./code-hash";
import { CODE_RULES, secondsBeforeNextCode } from "./rules";

export type RequestCodeResult =
  | { status: "sent"; phone: string }
  | { status: "invalid"; error: string }
  | { status: "wait"; retryAfterSeconds: number }
  | { status: "busy"; retryAfterSeconds: number }
  | { status: "send-failed"; phone: string };

/**
 * Sends a 6-digit code to a mobile number of the region. The answer never depends on what is recorded for
 * the number (no oracle): only on the code rules (lib/verification/rules.ts) — a growing wait between codes
 * to one number, ten an hour per address — and the platform's hourly SMS budget. When the gateway fails the
 * code is dropped and its SMS given back to the budget (it never reached anyone), so the citizen can retry.
 */
export async function requestVerificationCode(input: {
  phone: string;
  address: string;
  /** The client's form token id, when the post carried one. */
  client?: string | null;
  locale: Locale;
  defaultRegion: string;
  smsPerHour: number;
  now?: Date;
}): Promise<RequestCodeResult> {
  const parsed = parsePhone(input.phone.slice(0, 200), input.defaultRegion);
  if (!parsed.ok) return { status: "invalid", error: `phone.${parsed.reason}` };
  const phone = parsed.e164;
  if (!isNationalMobile(phone, input.defaultRegion)) return { status: "invalid", error: "not-mobile" };
  const now = input.now ?? new Date();

  // Per client (its form token) and, far more loosely, per address: many citizens share a carrier's address.
  const byAddress = await checkRateLimits(
    limitKeys([{ rule: CODE_RULES.perAddress, bucket: "code-ip" }], input.address, input.client ?? null),
  );
  if (!byAddress.allowed) return { status: "wait", retryAfterSeconds: byAddress.retryAfterSeconds };
  const code = String(randomInt(10 ** CODE_RULES.digits)).padStart(CODE_RULES.digits, "0");
  // The wait is decided with the insert, under a per-number lock, so that parallel
  // requests cannot each see "no recent code" and all send one.
  const created = await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`code:${phone}`}, 0))`;
    const recent = await tx.$queryRaw<{ count: bigint; last: Date | null }[]>`
      SELECT count(*) AS count, max(created_at) AS last FROM verification_codes
      WHERE phone = ${phone} AND created_at > ${new Date(now.getTime() - 3_600_000)}`;
    const { count, last } = recent[0]!;
    const wait = secondsBeforeNextCode(Number(count), last, now);
    if (wait > 0) return { kind: "wait" as const, seconds: wait };
    const rows = await tx.$queryRaw<{ id: bigint }[]>`
      INSERT INTO verification_codes (phone, code_hash, address, created_at, expires_at)
      VALUES (${phone}, ${hashCode(phone, code)}, ${input.address}, ${now}, ${new Date(now.getTime() + CODE_RULES.validMinutes * 60_000)})
      RETURNING id`;
    return { kind: "created" as const, id: rows[0]!.id };
  });
  if (created.kind === "wait") return { status: "wait", retryAfterSeconds: created.seconds };
  const budget = await takeSmsBudget(phone, input.smsPerHour, now);
  if (!budget.allowed) {
    await db().verificationCode.delete({ where: { id: created.id } });
    return { status: "busy", retryAfterSeconds: budget.retryAfterSeconds };
  }

  const t = translatorFor(input.locale);
  try {
    await sendSms({ to: phone, text: t("Number.smsText", { code, minutes: CODE_RULES.validMinutes }) });
  } catch (error) {
    if (!(error instanceof SmsNotSentError)) throw error;
    await db().verificationCode.delete({ where: { id: created.id } });
    await returnSmsBudget(phone, now);
    return { status: "send-failed", phone };
  }
  return { status: "sent", phone };
}
