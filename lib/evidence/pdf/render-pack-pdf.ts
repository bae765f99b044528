import "server-only";
import { formatPhone } from "@/lib/phone/format-phone";
import { TIME_ZONE } from "@/lib/time-zone";
import type { IssuedPack } from "../issue-evidence-pack";
import { timelineOf, type ComplaintEvidence } from "./complaint-timeline";
import { createPdfWriter, type PdfWriter } from "./pdf-writer";

// The printable pack, for a prosecutor or the ANRT: in plain French, the complaint as the citizen gave it,
// the verdict in one sentence, the facts in time order with their records named, every answer; the signed
// JSON file attached, and its SHA-256 printed so that the paper and the file are tied together
// (/verify-pack checks either).

interface PackDocument {
  generated_at: string;
  platform: { url: string; keyid: string; max_lag_hours: number };
  subject: Record<string, string>;
  provider?: { name: string; anrt_number: string };
  verdicts?: Record<string, number>;
  complaints?: ComplaintEvidence[];
  finding?: string;
  alert?: {
    id: string;
    at: string;
    endpoint: string;
    keyid: string | null;
    list_provider: unknown;
    caller: unknown;
    canary_numbers: string[];
  };
}

const VERDICT: Record<string, string> = {
  violation: "Infraction",
  "within-deadline": "Pas d'infraction : dans le délai légal",
  "no-opposition": "Pas d'infraction : aucune opposition",
  undetermined: "Indéterminé",
};

const TYPE: Record<string, string> = {
  "sent-after-opposition": "SMS reçu malgré une opposition",
  "no-stopsms-mention": "SMS commercial sans mention StopSMS",
  "no-consent": "SMS reçu sans avoir jamais donné son accord",
  other: "Autre",
};

const moment = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "medium", timeZone: TIME_ZONE });
const dayOnly = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "UTC" });
/** An instant in Moroccan time, or a day ("2026-12-05") as that day. */
const when = (at: string | null | undefined) =>
  !at ? "—" : at.length === 10 ? dayOnly.format(new Date(`${at}T12:00:00Z`)) : moment.format(new Date(at));
const phone = (e164: string | null) => (e164 ? formatPhone(e164) : "non communiqué");

function titleOf(doc: PackDocument): string {
  const s = doc.subject;
  if (s.complaint) return `Dossier de preuve — signalement ${s.complaint}`;
  if (s.originator) return `Dossier de preuve — émetteur « ${s.originator} »`;
  if (s.provider) return `Dossier de preuve — ${doc.provider?.name ?? s.provider}, du ${when(s.from)} au ${when(s.to)}`;
  if (s.integrity_alert) return `Dossier de preuve — alerte d'intégrité ${s.integrity_alert}`;
  return "Dossier de preuve";
}

export function renderPackPdf(issued: IssuedPack, fileName: string): Promise<Buffer> {
  const doc = JSON.parse(issued.pack.payload) as PackDocument;
  const title = titleOf(doc);
  const w = createPdfWriter({
    title,
    subject: "Dossier de preuve StopSMS, signé électroniquement",
    runningHead: "CNDP · StopSMS — dossier de preuve",
    attachment: { name: fileName, content: issued.file, description: "Fichier de preuve signé (fait foi)" },
  });
  w.paragraph("Commission nationale de contrôle de la protection des données à caractère personnel (CNDP)", {
    bold: true,
    gap: 1,
  });
  w.paragraph("StopSMS — registre national d'opposition aux SMS commerciaux", { gap: 1 });
  w.paragraph(doc.platform.url, { color: "#555555", gap: 14 });
  w.heading(title, 1);
  w.paragraph(`Établi le ${when(doc.generated_at)}. Toutes les heures de ce document sont en heure du Maroc.`);
  w.paragraph(
    `Ce document est la version imprimable d'un fichier de preuve signé électroniquement par StopSMS (clé ${doc.platform.keyid}). ` +
      `Ce fichier, joint au PDF sous le nom « ${fileName} », fait foi.`,
  );
  w.field("Empreinte SHA-256 du fichier", issued.fingerprint);
  w.paragraph(
    `Pour vérifier ce document : ouvrez ${doc.platform.url}/verify-pack et déposez-y le fichier, ou saisissez-y l'empreinte ci-dessus.`,
    { gap: 10 },
  );
  if (doc.verdicts) {
    const counts = Object.entries(doc.verdicts)
      .map(([verdict, n]) => `${VERDICT[verdict] ?? verdict} : ${n}`)
      .join(" · ");
    w.field(`Signalements de la période (${doc.complaints?.length ?? 0})`, counts);
  }
  for (const complaint of doc.complaints ?? (doc.subject.complaint ? [doc as unknown as ComplaintEvidence] : []))
    writeComplaint(w, complaint, doc.platform.max_lag_hours);
  if (doc.alert) writeAlert(w, doc);
  return w.finish();
}

function writeComplaint(w: PdfWriter, c: ComplaintEvidence, lagHours: number) {
  w.heading(`Signalement ${c.complaint.id}`, 2);
  w.paragraph(`Constat : ${VERDICT[c.verdict] ?? c.verdict} — ${c.reason}`, { bold: true, gap: 8 });
  w.heading("Le signalement, tel que donné par le citoyen", 3);
  w.field("Motif", TYPE[c.complaint.type] ?? c.complaint.type);
  w.field("Expéditeur tel qu'affiché sur le téléphone", c.complaint.sender_seen);
  if (c.complaint.sender && c.complaint.sender.code !== c.complaint.sender_seen)
    w.field("Expéditeur enregistré correspondant", `${c.complaint.sender.name} (${c.complaint.sender.code})`);
  w.field("Date de réception déclarée", when(c.complaint.received_at.slice(0, 10)));
  w.field("Numéro qui a reçu le SMS", phone(c.complaint.phone));
  w.field("Texte du SMS", c.complaint.message_text);
  w.field(
    "Signalé le",
    `${when(c.complaint.reported_at)}, ${c.link ? "depuis le lien StopSMS du SMS" : "sur le site StopSMS"}`,
  );
  if (c.provider)
    w.field("Opérateur d'envoi", `${c.provider.name} (déclaré à l'ANRT sous le n° ${c.provider.anrt_number})`);
  if (c.complaint.respond_by) w.field("Réponse de l'opérateur attendue avant le", when(c.complaint.respond_by));
  const { entries, never } = timelineOf(c, lagHours);
  w.heading("Les faits, dans l'ordre du temps", 3);
  for (const entry of entries) {
    w.keepSpace(40);
    w.paragraph(when(entry.at), { bold: true, gap: 0 });
    w.paragraph(entry.text, { indent: 12, gap: 0 });
    w.paragraph(`Source : ${entry.source}.`, { indent: 12, color: "#555555", size: 9, gap: 6 });
  }
  if (never.length) {
    w.heading("À la date de ce document", 3);
    for (const line of never) w.paragraph(line);
  }
}

function writeAlert(w: PdfWriter, doc: PackDocument) {
  const alert = doc.alert!;
  w.heading(`Alerte d'intégrité ${alert.id}`, 2);
  w.paragraph(
    "Constat : des numéros témoins, qui n'appartiennent à personne et n'ont été remis, comme oppositions, que dans la liste d'un seul opérateur, ont été utilisés. Cette liste a donc servi à envoyer, ou à préparer l'envoi, de SMS.",
    { bold: true, gap: 8 },
  );
  w.field("Constaté le", when(alert.at));
  w.field("Appel concerné", alert.endpoint);
  w.field("Clé de signature de l'appel", alert.keyid ?? "aucune");
  w.field("Liste d'origine", describe(alert.list_provider));
  w.field("Appelant", describe(alert.caller));
  w.field("Numéros témoins", alert.canary_numbers.map(phone).join(", "));
}

const describe = (value: unknown) => {
  if (!value || typeof value !== "object") return String(value ?? "—");
  const v = value as Record<string, unknown>;
  return [v.name, v.slug && `(${String(v.slug)})`, v.anrt_number && `ANRT n° ${String(v.anrt_number)}`]
    .filter(Boolean)
    .join(" ");
};
