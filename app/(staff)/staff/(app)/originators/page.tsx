import type { Metadata } from "next";
import { cellClass, formatDateTime, headClass } from "@/components/staff/ui";
import { listOriginators, REPEAT_THRESHOLD } from "@/lib/complaints/list-originators";

export const metadata: Metadata = { title: "Émetteurs signalés" };

export default async function OriginatorsPage() {
  const originators = await listOriginators();
  return (
    <>
      <h1 className="text-2xl font-bold">Émetteurs signalés</h1>
      <p className="mt-2 max-w-3xl">
        Signalements regroupés par numéro ou nom d&apos;émetteur affiché. Signalés : {REPEAT_THRESHOLD.complaints}{" "}
        signalements ou plus en {REPEAT_THRESHOLD.days} jours.{" "}
        <a className="text-brand-800 underline" href="/staff/export/originators" download>
          Numéros pour les opérateurs (CSV)
        </a>
      </p>
      <div className="overflow-x-auto">
        <table className="mt-4 w-full text-sm" data-testid="originators-table">
          <thead>
            <tr>
              <th className={headClass}>Émetteur</th>
              <th className={headClass}>Signalements</th>
              <th className={headClass}>7 derniers jours</th>
              <th className={headClass}>Premier / dernier</th>
              <th className={headClass}>Déclaré</th>
              <th className={headClass}>Textes signalés</th>
              <th className={headClass}>Dossier</th>
            </tr>
          </thead>
          <tbody>
            {originators.map((o) => (
              <tr key={o.key} className={o.flagged ? "bg-red-50" : undefined}>
                <td className={cellClass} dir="ltr">
                  {o.shown}
                  {o.phone && o.phone !== o.shown && <span className="block text-slate-600">{o.phone}</span>}
                  {o.flagged && <strong className="block text-red-800">RÉCIDIVE</strong>}
                </td>
                <td className={`${cellClass} text-end`}>{o.complaints}</td>
                <td className={`${cellClass} text-end`}>{o.recent}</td>
                <td className={cellClass}>
                  {formatDateTime(o.firstSeen)}
                  <br />
                  {formatDateTime(o.lastSeen)}
                </td>
                <td className={cellClass}>
                  {o.phone ? "numéro" : o.declaredSender ? `oui (${o.declaredSender})` : "non"}
                </td>
                <td className={cellClass}>
                  <ul className="list-disc ps-4">
                    {o.texts.map((t, i) => (
                      <li key={i} className="max-w-md truncate">
                        {t}
                      </li>
                    ))}
                  </ul>
                </td>
                <td className={cellClass}>
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
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {originators.length === 0 && <p className="mt-4">Aucun émetteur signalé.</p>}
      </div>
    </>
  );
}
