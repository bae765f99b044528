import "server-only";
import { db } from "@/lib/db/client";
import type { SmsGateway } from "./sms-gateway";

/** The development gateway: nothing leaves the machine; `npm run admin -- sms:outbox` shows what would have. */
export const outboxGateway: SmsGateway = {
  name: "outbox",
  async send({ to, text }) {
    await db().smsOutbox.create({ data: { phone: to, body: text } });
  },
};
