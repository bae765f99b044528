import { randomBytes, randomInt } from "node:crypto";
import { db } from "@/lib/db/client";

/** A valid Moroccan mobile number no other test uses. */
export function uniquePhone(): string {
  // +21261… is a valid Moroccan mobile range (some 68x are not allocated).
  return `+21261${String(randomInt(1_000_000, 9_999_999))}`;
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

/** Moves a number's oppositions two days back: an operator's disconnection ends only those recorded before it. */
export async function backdateOppositions(phone: string): Promise<void> {
  await db().$executeRaw`UPDATE oppositions SET created_at = created_at - interval '2 days' WHERE phone = ${phone}`;
}
