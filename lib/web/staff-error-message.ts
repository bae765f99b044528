import { AUTH_MESSAGES_FR } from "@/lib/auth/messages.fr";
import { COMPLAINT_MESSAGES_FR } from "@/lib/complaints/messages.fr";
import type { DomainError } from "@/lib/errors";
import { INTEGRITY_MESSAGES_FR } from "@/lib/integrity/messages.fr";
import { NUMBER_MESSAGES_FR } from "@/lib/numbers/messages.fr";
import { PROVIDER_MESSAGES_FR } from "@/lib/providers/messages.fr";

// A lib error as a French sentence for the staff pages: each area's own message file, and each field
// problem of a form said with the field's French name. The English message stays for the API and CLI;
// it is never shown here (an error without a French sentence reads as a general one).
const MESSAGES: Record<string, (v: Record<string, string>) => string> = {
  ...PROVIDER_MESSAGES_FR,
  ...COMPLAINT_MESSAGES_FR,
  ...AUTH_MESSAGES_FR,
  ...INTEGRITY_MESSAGES_FR,
  ...NUMBER_MESSAGES_FR,
};

const FIELDS: Record<string, string> = {
  slug: "Identifiant",
  providerSlug: "Fournisseur",
  name: "Nom",
  anrtNumber: "Numéro de déclaration ANRT",
  kind: "Type",
  contact: "Contact technique",
  senderCodes: "Expéditeurs autorisés",
  keyid: "Identifiant de la clé",
  publicKeyPem: "Clé publique",
  code: "Code",
  smsSenderIds: "Identifiants SMS",
  sector: "Secteur",
  status: "Statut",
  note: "Note",
  id: "Référence",
  email: "Adresse électronique",
  role: "Rôle",
  password: "Mot de passe",
};

const FORMATS: Record<string, string> = {
  slug: "lettres minuscules, chiffres et tirets simples, par exemple acme-telecom",
  providerSlug: "lettres minuscules, chiffres et tirets simples, par exemple acme-telecom",
  code: "lettres minuscules, chiffres et tirets simples, par exemple souk-market",
  keyid: "3 à 100 lettres, chiffres, points, tirets ou soulignés, par exemple acme-telecom-2026-01",
};

interface FieldProblem {
  field: string;
  code?: string;
  minimum?: number;
  maximum?: number;
  key?: string;
}

function fieldProblem(p: FieldProblem): string {
  const root = p.field.split(".")[0]!;
  const name = FIELDS[root] ?? p.field;
  const what =
    p.key && MESSAGES[p.key]
      ? MESSAGES[p.key]!({})
      : p.code === "too_small" && (p.minimum ?? 0) <= 1
        ? "à remplir"
        : p.code === "too_small"
          ? `au moins ${p.minimum} caractères`
          : p.code === "too_big"
            ? `au plus ${p.maximum} caractères`
            : p.code === "invalid_format"
              ? (FORMATS[root] ?? "forme incorrecte")
              : p.code === "invalid_value"
                ? "valeur non prévue"
                : p.code === "invalid_type"
                  ? "à remplir"
                  : "valeur incorrecte";
  return `${name} : ${what}`;
}

// The field a keyed error is about, for the form to mark it.
const KEY_FIELDS: Record<string, string> = {
  "providers.public-key-taken": "publicKeyPem",
  "providers.keyid-taken": "keyid",
  "providers.provider-exists": "slug",
  "providers.sender-exists": "code",
  "providers.unknown-senders": "senderCodes",
};

/** Each field a refused form got wrong, with what is wrong in French (without the field's name). */
export function staffFieldErrors(error: DomainError): Record<string, string> {
  if (error.key && KEY_FIELDS[error.key.id] && MESSAGES[error.key.id])
    return { [KEY_FIELDS[error.key.id]!]: MESSAGES[error.key.id]!(error.key.values ?? {}) };
  if (error.code !== "invalid-request" || !Array.isArray(error.details)) return {};
  const errors: Record<string, string> = {};
  for (const problem of error.details as FieldProblem[]) {
    const root = problem.field.split(".")[0]!;
    errors[root] ??= fieldProblem(problem).slice(`${FIELDS[root] ?? problem.field} : `.length);
  }
  return errors;
}

export function staffErrorMessage(error: DomainError): string {
  if (error.key && MESSAGES[error.key.id]) return MESSAGES[error.key.id]!(error.key.values ?? {});
  if (error.code === "invalid-request" && Array.isArray(error.details) && error.details.length > 0)
    return `Formulaire incomplet ou incorrect. ${(error.details as FieldProblem[]).map(fieldProblem).join(" ; ")}.`;
  if (error.status === 404) return "Élément introuvable.";
  if (error.status === 409) return "Cette modification est en conflit avec l'état actuel.";
  return "La demande n'a pas pu être traitée.";
}
