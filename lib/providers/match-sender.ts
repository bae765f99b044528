import "server-only";
import { db } from "@/lib/db/client";

export type SenderMatch =
  | { kind: "exact"; sender: { id: number; code: string; name: string } }
  | { kind: "suggestion"; sender: { id: number; code: string; name: string } }
  | { kind: "none" };

/** Case, accents, spaces and punctuation do not count: "ATLAS-BANK", "atlas bank" and "AtlasBank" are one. */
export function foldSenderName(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/**
 * A sender as a citizen typed it or as the phone showed it: its display name, code or one of its SMS
 * sender ids, folded (see foldSenderName). An exact fold is a match; a fold that contains or is contained
 * in a registered one (3 characters at least; 5 for a registered one inside the text) is only a suggestion
 * ("Did you mean Atlas Bank?").
 */
export async function matchSender(typed: string): Promise<SenderMatch> {
  const folded = foldSenderName(typed);
  if (folded.length === 0) return { kind: "none" };
  const senders = await db().sender.findMany({
    select: { id: true, code: true, name: true, smsSenderIds: true },
    orderBy: { name: "asc" },
  });
  const forms = (s: (typeof senders)[number]) =>
    [s.name, s.code, ...s.smsSenderIds].map(foldSenderName).filter((f) => f.length > 0);
  const exact = senders.find((s) => forms(s).includes(folded));
  if (exact) return { kind: "exact", sender: { id: exact.id, code: exact.code, name: exact.name } };
  if (folded.length < 3) return { kind: "none" };
  const partial = senders.find((s) =>
    // "atlas" → Atlas Bank; "Atlas Bank Maroc" → Atlas Bank; but a short SMS id inside a longer text is chance.
    forms(s).some((f) => f.length >= 3 && (f.includes(folded) || (f.length >= 5 && folded.includes(f)))),
  );
  return partial
    ? { kind: "suggestion", sender: { id: partial.id, code: partial.code, name: partial.name } }
    : { kind: "none" };
}
