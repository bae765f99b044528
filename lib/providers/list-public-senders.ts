import "server-only";
import { db } from "@/lib/db/client";

/** The registered senders, for the citizens' /stop form. Public information: code and display name. */
export async function listPublicSenders(): Promise<{ id: number; code: string; name: string }[]> {
  return db().sender.findMany({ select: { id: true, code: true, name: true }, orderBy: { name: "asc" } });
}

/** A sender typed or picked by a citizen: its code, or its display name in any letter case. */
export async function findSenderByCodeOrName(
  value: string,
): Promise<{ id: number; code: string; name: string } | null> {
  const text = value.trim();
  if (!text) return null;
  return db().sender.findFirst({
    where: { OR: [{ code: text.toLowerCase() }, { name: { equals: text, mode: "insensitive" } }] },
    select: { id: true, code: true, name: true },
  });
}
