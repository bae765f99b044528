// The registry's errors as the staff read them (French): keyed like the errors lib/providers throws.
export const PROVIDER_MESSAGES_FR: Record<string, (v: Record<string, string>) => string> = {
  "providers.unknown-senders": (v) => `Expéditeur(s) inconnu(s) : ${v.senders}. Enregistrez-les d'abord.`,
  "providers.provider-exists": (v) =>
    `Un fournisseur existe déjà avec l'identifiant ${v.slug} ou le numéro ANRT ${v.anrt}.`,
  "providers.no-provider": (v) => `Aucun fournisseur ${v.slug}.`,
  "providers.public-key-taken": () => "Cette clé publique est déjà enregistrée pour un autre fournisseur.",
  "providers.keyid-taken": (v) => `L'identifiant de clé ${v.keyid} est déjà utilisé.`,
  "providers.no-key": (v) => `Aucune clé ${v.keyid}.`,
  "providers.no-sender": (v) => `Aucun expéditeur ${v.code}.`,
  "providers.sender-exists": (v) => `Un expéditeur existe déjà avec le code ${v.code}.`,
  // Problems of one field (zod issues with a key).
  "private-key": () =>
    "c'est une clé PRIVÉE : envoyez seulement la clé publique (openssl pkey -in key.pem -pubout). Une clé privée ne doit jamais quitter le fournisseur.",
  "not-ed25519": () => "ce doit être une clé Ed25519.",
  "not-a-public-key": () => "ce doit être une clé publique au format PEM (-----BEGIN PUBLIC KEY-----).",
};
