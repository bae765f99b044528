// Integrity alerts' errors as the staff read them (French).
export const INTEGRITY_MESSAGES_FR: Record<string, (v: Record<string, string>) => string> = {
  "integrity.no-alert": () => "Cette alerte n'existe pas.",
  "integrity.no-open-alert": () => "Cette alerte n'existe pas ou a déjà été examinée.",
};
