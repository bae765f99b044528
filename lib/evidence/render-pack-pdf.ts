import "server-only";
import { createHash } from "node:crypto";
import PDFDocument from "pdfkit";
import type { SignedPack } from "./sign-pack";
import { TIME_ZONE } from "@/lib/time-zone";

const VERDICTS: Record<string, string> = {
  violation: "Infraction",
  "within-deadline": "Dans le délai légal",
  "no-opposition": "Aucune opposition",
  undetermined: "Indéterminé",
};

const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
const frenchDateTime = new Intl.DateTimeFormat("fr-MA", {
  dateStyle: "short",
  timeStyle: "medium",
  timeZone: TIME_ZONE,
});

/**
 * A fact's value as staff read it: an instant in Moroccan time; a period ("<instant> – <instant>", the day an
 * SMS was received) as two; anything else as it is.
 */
const dateFr = (value: unknown): string => {
  if (value === null || value === undefined) return "jamais";
  if (typeof value !== "string") return String(value);
  const parts = value.split(" – ");
  if (parts.every((part) => ISO_INSTANT.test(part) && !Number.isNaN(Date.parse(part))))
    return parts.map((part) => frenchDateTime.format(new Date(part))).join(" – ");
  return value;
};

// The standard PDF fonts cover French but not Arabic script: text outside Latin-1 is shown as "?" here
// (the signed JSON keeps it exactly).
const printable = (text: unknown) =>
  String(text ?? "—").replace(/[^\u0000-\u00ff\u2022\u2013\u2014\u2019\u00ab\u00bb]/g, "?");

type Complaint = {
  complaint: Record<string, unknown>;
  verdict: string;
  reason: string;
  facts: { label: string; value: unknown; source: { table: string; id: string } | null }[];
  provider: { name: string; anrt_number: string } | null;
};

/** The printable, French rendering of a signed pack; the pack's SHA-256 ties the paper to the file. */
export function renderPackPdf(pack: SignedPack): Promise<Buffer> {
  const doc = JSON.parse(pack.payload) as {
    generated_at: string;
    platform: { keyid: string };
    subject: Record<string, string>;
    complaints?: Complaint[];
  } & Partial<Complaint>;
  const pdf = new PDFDocument({
    size: "A4",
    margin: 50,
    info: { Title: "Dossier de preuve StopSMS", Author: "StopSMS — CNDP" },
  });
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => pdf.on("end", () => resolve(Buffer.concat(chunks))));

  pdf.fontSize(18).font("Helvetica-Bold").text("Dossier de preuve StopSMS");
  pdf
    .moveDown(0.3)
    .fontSize(10)
    .font("Helvetica")
    .text(`Établi le ${dateFr(doc.generated_at)} (heure du Maroc) · clé de signature ${doc.platform.keyid}`);
  pdf.text(`Empreinte SHA-256 du fichier signé : ${createHash("sha256").update(JSON.stringify(pack)).digest("hex")}`);
  pdf.text("Le fichier JSON signé fait foi ; vérification : npm run admin -- evidence:verify <fichier>.");
  const complaints: Complaint[] = doc.complaints ?? [doc as Complaint];
  for (const c of complaints) {
    pdf
      .moveDown(1)
      .fontSize(14)
      .font("Helvetica-Bold")
      .text(`Signalement ${printable(c.complaint.id)} — ${VERDICTS[c.verdict] ?? c.verdict}`);
    pdf.fontSize(10).font("Helvetica").text(printable(c.reason));
    if (c.provider)
      pdf.text(
        `Opérateur d'envoi : ${printable(c.provider.name)} (déclaration ANRT ${printable(c.provider.anrt_number)})`,
      );
    pdf.text(
      `Expéditeur affiché : ${printable(c.complaint.sender_seen)} · vérifié par le lien : ${c.complaint.verified ? "oui" : "non"}`,
    );
    pdf.moveDown(0.5).font("Helvetica-Bold").text("Chronologie des faits");
    pdf.font("Helvetica");
    for (const fact of c.facts) {
      const source = fact.source ? ` [${fact.source.table} ${fact.source.id}]` : "";
      pdf.text(`• ${printable(fact.label)} : ${printable(dateFr(fact.value))}${printable(source)}`, { indent: 10 });
    }
  }
  pdf.end();
  return done;
}
