import { randomBytes, randomInt } from "node:crypto";
import { db } from "@/lib/db/client";

/** A valid Moroccan mobile number no other test uses. */
export function uniquePhone(): string {
  return `+2126${String(randomInt(10_000_000, 99_999_999))}`;
}

export function uniqueSlug(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

export async function createSender(code = uniqueSlug("sender")) {
  return db().sender.create({ data: { code, name: `Sender ${code}` } });
}

export async function createProvider(senderIds: number[] = []) {
  const slug = uniqueSlug("provider");
  return db().provider.create({
    data: {
      slug,
      name: `Provider ${slug}`,
      anrtNumber: `ANRT-${slug}`,
      senders: { create: senderIds.map((senderId) => ({ senderId })) },
    },
  });
}
