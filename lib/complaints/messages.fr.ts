import { STATUS_LABELS } from "./labels.fr";

// The complaints' errors as the staff read them (French).
const STATUS_FR: Record<string, string> = Object.fromEntries(
  Object.entries(STATUS_LABELS).map(([k, v]) => [k, v.toLowerCase()]),
);

export const COMPLAINT_MESSAGES_FR: Record<string, (v: Record<string, string>) => string> = {
  "complaints.no-complaint": (v) => `Aucun signalement ${v.id}.`,
  "complaints.bad-transition": (v) =>
    `Un signalement ${STATUS_FR[v.from!] ?? v.from} ne peut pas passer au statut ${STATUS_FR[v.to!] ?? v.to}.`,
  "complaints.staff-only": () => "Seuls les membres de la CNDP écrivent des notes.",
};
