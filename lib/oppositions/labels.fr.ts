import type { OppositionSource } from "@/lib/generated/prisma/enums";

// The channels a refusal comes by, as the staff read them (dashboard chart, a number's file): typed against
// the database's enum, so a new channel does not compile until it has its label.
export const CHANNEL_LABELS: Record<OppositionSource, string> = {
  link: "Lien SMS",
  web: "Site web",
  keyword: "Mot-clé STOP",
  staff: "CNDP",
};
