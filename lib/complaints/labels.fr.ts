import type { ComplaintReason, ComplaintStatus } from "@/lib/generated/prisma/enums";
import type { Verdict } from "./assess-complaint";

// The complaints' French labels for the staff, typed against the database's enums: a new status or
// reason in the schema does not compile until it has its label.
export const STATUS_LABELS: Record<ComplaintStatus, string> = {
  new: "Nouveau",
  reviewing: "En examen",
  // Sent on for action (to the operator, the ANRT or the prosecutor): the note says to whom.
  forwarded: "Transmis pour suite à donner",
  closed: "Clos",
};

export const REASON_LABELS: Record<ComplaintReason, string> = {
  no_mention: "Sans mention StopSMS",
  after_opposition: "Après opposition",
  no_consent: "Sans consentement",
  other: "Autre",
};

export const VERDICT_LABELS: Record<Verdict, string> = {
  violation: "Infraction",
  "within-deadline": "Dans le délai",
  "no-opposition": "Aucune opposition",
  undetermined: "Indéterminé",
};

export const ANSWER_LABELS: Record<"suppressed" | "disputed" | "investigating", string> = {
  suppressed: "Numéro retiré des envois",
  disputed: "Contesté",
  investigating: "En cours de vérification",
};

/** A stored value's label (verdicts and answers are text columns): the value itself if it has none. */
export function labelOf<K extends string>(
  labels: Record<K, string>,
  value: string | null | undefined,
  fallback = "—",
): string {
  if (!value) return fallback;
  return Object.hasOwn(labels, value) ? labels[value as K] : value;
}
