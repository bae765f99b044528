import type { Metadata } from "next";
import { DataTable } from "@/components/staff/data-table";
import { formatDateTime, formatNumber } from "@/components/staff/ui";
import { listOriginators, REPEAT_THRESHOLD } from "@/lib/complaints/list-originators";
import { signedInStaff } from "@/lib/auth/signed-in-staff";

export const metadata: Metadata = { title: "Émetteurs signalés" };

export default async function OriginatorsPage() {
  await signedInStaff();
  const originators = await listOriginators();
  return (
    <>
      <h1 className="text-2xl font-bold">Émetteurs signalés</h1>
      <p className="mt-2 max-w-3xl">
        Signalements regroupés par numéro ou nom d&apos;émetteur affiché. Récidive : {REPEAT_THRESHOLD.complaints}{" "}
        signalants distincts ou plus, ayant prouvé leur numéro (code SMS ou lien StopSMS reçu), en{" "}
        {REPEAT_THRESHOLD.days} jours. Les signalements non vérifiés sont comptés à part : ils ne suffisent jamais à
        signaler un émetteur, et n&apos;entrent ni dans le fichier des opérateurs ni dans le dossier.{" "}
        <a className="text-brand-800 underline" href="/staff/export/originators" download>
          Numéros pour les opérateurs (CSV)
        </a>
      </p>
      <DataTable
        caption="Émetteurs signalés"
        testId="originators-table"
        rows={originators}
        rowKey={(o) => o.key}
        empty="Aucun émetteur signalé."
        rowProps={(o) => ({ className: o.flagged ? "bg-red-50" : undefined })}
        columns={[
          {
            header: "Émetteur",
            cell: (o) => (
              <span dir="ltr">
                {o.shown}
                {o.phone && o.phone !== o.shown && <span className="block text-slate-600">{o.phone}</span>}
                {o.flagged && <strong className="block text-red-800">RÉCIDIVE</strong>}
              </span>
            ),
          },
          { header: "Signalants vérifiés", numeric: true, cell: (o) => formatNumber(o.verifiedReporters) },
          {
            header: `dont ${REPEAT_THRESHOLD.days} derniers jours`,
            numeric: true,
            cell: (o) => formatNumber(o.recentVerifiedReporters),
          },
          { header: "Signalements non vérifiés", numeric: true, cell: (o) => formatNumber(o.unverified) },
          {
            header: "Premier / dernier",
            cell: (o) => (
              <>
                {formatDateTime(o.firstSeen)}
                <br />
                {formatDateTime(o.lastSeen)}
              </>
            ),
          },
          {
            header: "Déclaré",
            cell: (o) => (o.phone ? "numéro" : o.declaredSender ? `oui (${o.declaredSender})` : "non"),
          },
          {
            header: "Textes signalés",
            cell: (o) => (
              <ul className="list-disc ps-4">
                {o.texts.map((t, i) => (
                  <li key={i} className="max-w-md truncate">
                    {t}
                  </li>
                ))}
              </ul>
            ),
          },
          {
            header: "Dossier",
            cell: (o) => (
              <>
                <a
                  className="text-brand-800 underline"
                  href={`/staff/evidence/originators/${encodeURIComponent(o.key)}`}
                  download
                >
                  JSON signé
                </a>
                {" · "}
                <a
                  className="text-brand-800 underline"
                  href={`/staff/evidence/originators/${encodeURIComponent(o.key)}?format=pdf`}
                  download
                >
                  PDF
                </a>
              </>
            ),
          },
        ]}
      />
    </>
  );
}
