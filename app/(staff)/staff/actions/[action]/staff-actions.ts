import { formatPhone } from "@/lib/phone/format-phone";
import { reviewIntegrityAlert } from "@/lib/integrity/integrity-alerts";
import { addNumberRange, removeNumberRange } from "@/lib/numbers/number-ranges";
import { restoreEndedOpposition } from "@/lib/numbers/restore-ended-opposition";
import { reviewHeldNumberEvents } from "@/lib/numbers/review-held-events";
import { setAdminTotpRequired } from "@/lib/auth/admin-totp-policy";
import { assertActorMay } from "@/lib/auth/assert-actor-may";
import { confirmTotpEnrolment, disableTotp } from "@/lib/auth/manage-totp";
import type { Actor } from "@/lib/audit/write-audit";
import { addComplaintNote, changeComplaintStatus } from "@/lib/complaints/update-complaint";
import { addProviderKey } from "@/lib/providers/add-provider-key";
import { createProvider } from "@/lib/providers/create-provider";
import { createSender } from "@/lib/providers/create-sender";
import { linkSender } from "@/lib/providers/link-sender";
import { revokeProviderKey } from "@/lib/providers/revoke-provider-key";
import { updateProvider } from "@/lib/providers/update-provider";
import { updateSender } from "@/lib/providers/update-sender";
import { createListSource } from "@/lib/sources/create-list-source";
import { setListSourceSuspended, updateListSource } from "@/lib/sources/update-list-source";

export type Form = { get(name: string): string; all(name: string): string[] };

export interface Confirmation {
  /** Who may do it at all: anyone else is refused before being asked to confirm (the lib checks again). */
  role: "admin" | "analyst";
  /** The form fields carried through the confirmation page. */
  fields: string[];
  needed(f: Form): boolean;
  describe(f: Form): { title: string; consequence: string; button: string };
  /** The confirmation page asks for a one-time code (never carried through the confirmation cookie). */
  askCode?: boolean;
}

/** A sender's form: the SMS sender ids typed as one comma-separated list. */
const senderFields = (f: Form) => ({
  code: f.get("code"),
  name: f.get("name"),
  sector: f.get("sector") || undefined,
  smsSenderIds: f
    .get("smsSenderIds")
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean),
});

/** A list source's form: empty optional fields are absent. */
const sourceFields = (f: Form) => ({
  code: f.get("code"),
  name: f.get("name"),
  kind: f.get("kind"),
  registration: f.get("registration") || undefined,
  contact: f.get("contact") || undefined,
});

// Actions that cannot be simply undone, or cut a provider off: the route asks for an explicit confirmation
// first (a page with a danger button that posts `confirm=yes`), also when the form is posted directly.
export const CONFIRMATIONS: Record<string, Confirmation> = {
  "totp-disable": {
    role: "analyst",
    fields: ["back"],
    askCode: true,
    needed: () => true,
    describe: () => ({
      title: "Désactiver la double authentification ?",
      consequence:
        "Votre compte ne sera plus protégé que par son mot de passe, et vos codes de secours seront effacés. Confirmez avec un code actuel de votre application, ou un code de secours.",
      button: "Désactiver la double authentification",
    }),
  },
  "provider-key-revoke": {
    role: "admin",
    fields: ["keyid", "back"],
    needed: () => true,
    describe: (f) => ({
      title: `Révoquer la clé ${f.get("keyid")} ?`,
      consequence:
        "Le fournisseur ne pourra plus signer aucune requête avec cette clé, dès maintenant. Une clé révoquée ne peut pas être réactivée : il faudra en enregistrer une nouvelle.",
      button: "Révoquer la clé",
    }),
  },
  "provider-update": {
    role: "admin",
    fields: ["slug", "name", "contact", "status", "currentStatus", "back"],
    needed: (f) => f.get("status") === "suspended" && f.get("currentStatus") !== "suspended",
    describe: (f) => ({
      title: `Suspendre le fournisseur ${f.get("slug")} ?`,
      consequence:
        "Toutes ses requêtes seront refusées dès maintenant : il ne pourra plus récupérer la liste d'opposition ni émettre de liens. Il pourra être réactivé.",
      button: "Suspendre le fournisseur",
    }),
  },
};

// Every staff change is a plain form POST here: each entry calls one lib function, which checks the
// staff member's role itself (admin for the registry, analyst for complaints and one's own 2FA).
/** An action's outcome: its message, and codes to show once (recovery codes) when it has some. */
export type ActionOutcome = string | { message: string; codes: string[] };

export const STAFF_ACTIONS: Record<string, (actor: Actor, f: Form) => Promise<ActionOutcome>> = {
  "provider-create": async (actor, f) => {
    const p = await createProvider(actor, {
      slug: f.get("slug"),
      name: f.get("name"),
      anrtNumber: f.get("anrtNumber"),
      kind: f.get("kind") || undefined,
      contact: f.get("contact") || undefined,
      senderCodes: f.all("senders"),
    });
    return `${p.kind === "operator" ? "Opérateur" : "Fournisseur"} ${p.slug} créé.`;
  },
  "integrity-alert-review": async (actor, f) => {
    await reviewIntegrityAlert(actor, f.get("id"));
    return "Alerte marquée comme examinée.";
  },
  "number-events-approve": async (actor, f) => {
    const r = await reviewHeldNumberEvents(actor, f.get("id"), "approve");
    return `${r.events} événement(s) appliqué(s) : ${r.ended} opposition(s) terminée(s), ${r.restored} rétablie(s).`;
  },
  "number-events-reject": async (actor, f) => {
    const r = await reviewHeldNumberEvents(actor, f.get("id"), "reject");
    return `${r.events} événement(s) rejeté(s) : aucun n'a été appliqué.`;
  },
  "number-range-add": async (actor, f) => {
    const r = await addNumberRange(actor, { providerSlug: f.get("slug"), range: f.get("range") });
    return r.added ? "Plage ajoutée." : "Cette plage était déjà enregistrée.";
  },
  "number-range-remove": async (actor, f) => {
    const r = await removeNumberRange(actor, { providerSlug: f.get("slug"), range: f.get("range") });
    return r.removed ? "Plage retirée." : "Cette plage n'était pas enregistrée.";
  },
  "opposition-restore": async (actor, f) => {
    const r = await restoreEndedOpposition(actor, f.get("id"));
    return `Opposition rétablie pour ${formatPhone(r.phone)}.`;
  },
  "provider-update": async (actor, f) => {
    await updateProvider(actor, {
      slug: f.get("slug"),
      name: f.get("name"),
      contact: f.get("contact"),
      status: f.get("status"),
    });
    return "Fournisseur mis à jour.";
  },
  "provider-key-add": async (actor, f) => {
    const key = await addProviderKey(actor, {
      providerSlug: f.get("slug"),
      keyid: f.get("keyid"),
      publicKeyPem: f.get("publicKeyPem"),
    });
    return `Clé ${key.keyid} ajoutée.`;
  },
  "provider-key-revoke": async (actor, f) => {
    await revokeProviderKey(actor, f.get("keyid"));
    return `Clé ${f.get("keyid")} révoquée.`;
  },
  "provider-sender-link": async (actor, f) => {
    // The role first: an empty form must be refused to an analyst like a full one (authorization matrix).
    await assertActorMay(actor, "admin");
    const codes = f.all("sender");
    if (codes.length === 0) return "Aucun expéditeur coché : rien n'a changé.";
    for (const senderCode of codes.slice(0, 200)) await linkSender(actor, { providerSlug: f.get("slug"), senderCode });
    return codes.length === 1 ? "Expéditeur rattaché." : `${codes.length} expéditeurs rattachés.`;
  },
  "sender-create": async (actor, f) => {
    const s = await createSender(actor, senderFields(f));
    return `Expéditeur ${s.code} créé.`;
  },
  "sender-update": async (actor, f) => {
    await updateSender(actor, senderFields(f));
    return "Expéditeur mis à jour.";
  },
  "source-create": async (actor, f) => {
    const s = await createListSource(actor, sourceFields(f));
    return `Source ${s.code} enregistrée.`;
  },
  "source-update": async (actor, f) => {
    await updateListSource(actor, sourceFields(f));
    return "Source mise à jour.";
  },
  "source-suspend": async (actor, f) => {
    await setListSourceSuspended(actor, f.get("code"), true);
    return "Source suspendue : aucune nouvelle campagne ne peut la déclarer.";
  },
  "source-resume": async (actor, f) => {
    await setListSourceSuspended(actor, f.get("code"), false);
    return "Suspension levée.";
  },
  "complaint-status": async (actor, f) => {
    await changeComplaintStatus(actor, { id: f.get("id"), status: f.get("status"), note: f.get("note") || undefined });
    return "Statut modifié.";
  },
  "complaint-note": async (actor, f) => {
    await addComplaintNote(actor, { id: f.get("id"), note: f.get("note") });
    return "Note ajoutée.";
  },
  "totp-confirm": async (_actor, f) => ({
    message:
      "Double authentification activée. Notez ces codes de secours maintenant : ils ne seront plus jamais affichés.",
    codes: await confirmTotpEnrolment({ code: f.get("code") }),
  }),
  "admin-totp-policy": async (actor, f) => {
    const required = f.get("required") === "yes";
    await setAdminTotpRequired(actor, required);
    return required
      ? "La double authentification est désormais exigée pour les administrateurs."
      : "La double authentification n'est plus exigée pour les administrateurs.";
  },
  "totp-disable": async (_actor, f) => {
    await disableTotp({ code: f.get("code") });
    return "Double authentification désactivée.";
  },
};
