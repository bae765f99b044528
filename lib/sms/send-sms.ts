import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { metrics } from "@/lib/metrics/registry";
import { httpGateway } from "./http-gateway";
import { outboxGateway } from "./outbox-gateway";
import { SmppGateway } from "./smpp-gateway";

import { SmsNotSentError, type SmsGateway, type SmsMessage } from "./sms-gateway";

export { SmsNotSentError, type SmsGateway, type SmsMessage } from "./sms-gateway";

const globalForSms = globalThis as unknown as { stopsmsSmsGateway?: SmsGateway };

/** The gateway STOPSMS_SMS_GATEWAY names (see lib/env.ts for the default); one per process. */
export function smsGateway(): SmsGateway {
  if (globalForSms.stopsmsSmsGateway) return globalForSms.stopsmsSmsGateway;
  const config = env();
  const embedded = process.env.STOPSMS_EMBEDDED === "1";
  const kind = config.STOPSMS_SMS_GATEWAY ?? (config.NODE_ENV !== "production" || embedded ? "outbox" : null);
  if (kind === null)
    throw new Error("STOPSMS_SMS_GATEWAY is required in production (smpp or http; outbox only for trials)");
  globalForSms.stopsmsSmsGateway =
    kind === "smpp"
      ? new SmppGateway({ url: config.STOPSMS_SMPP_URL!, source: config.STOPSMS_SMS_SOURCE })
      : kind === "http"
        ? httpGateway({
            url: config.STOPSMS_SMS_HTTP_URL!,
            secret: config.STOPSMS_SMS_HTTP_SECRET!,
            source: config.STOPSMS_SMS_SOURCE,
          })
        : outboxGateway;
  return globalForSms.stopsmsSmsGateway;
}

/**
 * Sends one SMS. A failure is logged without the number or the text (it holds a code), counted for the
 * staff dashboard, and thrown as SmsNotSentError for the page to say "try again".
 */
export async function sendSms(message: SmsMessage, gateway?: SmsGateway): Promise<void> {
  let name = gateway?.name ?? "unconfigured";
  try {
    const chosen = gateway ?? smsGateway();
    name = chosen.name;
    await chosen.send(message);
    metrics().smsSent.inc({ gateway: name });
  } catch (error) {
    metrics().smsFailed.inc({ gateway: name });
    const reason = error instanceof Error ? error.message : String(error);
    logger.error({ gateway: name, reason }, "SMS not sent");
    await db()
      .smsFailure.create({ data: { gateway: name, error: reason.slice(0, 500) } })
      .catch((dbError: unknown) => logger.error({ err: dbError }, "SMS failure not recorded"));
    throw new SmsNotSentError(name);
  }
}
