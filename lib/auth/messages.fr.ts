// Staff accounts' errors as the staff read them (French).
export const AUTH_MESSAGES_FR: Record<string, (v: Record<string, string>) => string> = {
  "auth.totp-clock": () =>
    "Le code ne correspond pas : vérifiez l'heure de votre téléphone et essayez le code suivant.",
  "auth.totp-mismatch": () => "Le code ne correspond pas.",
  "auth.staff-exists": (v) => `Un compte existe déjà pour ${v.email}.`,
  "auth.admin-totp-required": () =>
    "La double authentification est exigée pour les administrateurs : activez-la dans « Mon compte » pour retrouver vos droits.",
  "auth.admin-totp-self-first": () =>
    "Activez d'abord votre propre double authentification : la règle ne doit pas vous priver de vos droits.",
};
