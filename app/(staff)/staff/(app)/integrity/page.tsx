import type { Metadata } from "next";
import Link from "next/link";
import { cellClass, formatDateTime, headClass } from "@/components/staff/ui";
import { requireStaff } from "@/lib/auth/require-staff";
import { listIntegrityAlerts } from "@/lib/integrity/integrity-alerts";

export const metadata: Metadata = { title: "Alertes d'intégrité" };

const CALLS: Record<string, string> = {
  "POST /links": "liens créés",
  "POST /suppressions/check": "liste vérifiée",
  "POST /keywords": "STOP déclaré",
};

export default async function IntegrityAlertsPage() {
  const { actor } = await requireStaff();
  const alerts = await listIntegrityAlerts(actor);
  return (
    <>
      <h1 className="text-2xl font-bold">Alertes d&apos;intégrité</h1>
      <p className="mt-2 max-w-3xl">
        Chaque fournisseur reçoit dans sa liste quelques numéros témoins, pris dans une plage que l&apos;ANRT
        n&apos;attribue jamais. Un numéro témoin dans un appel (création de liens, vérification de liste, STOP) prouve
        que la liste de ce fournisseur sert de liste de ciblage.
      </p>
      <div className="overflow-x-auto">
        <table className="mt-4 w-full text-sm" data-testid="integrity-alerts">
          <thead>
            <tr>
              <th className={headClass}>Date</th>
              <th className={headClass}>Liste de</th>
              <th className={headClass}>Utilisée par</th>
              <th className={headClass}>Appel</th>
              <th className={headClass}>Témoins</th>
              <th className={headClass}>État</th>
            </tr>
          </thead>
          <tbody>
            {alerts.map((a) => (
              <tr key={a.id} className={a.reviewedAt ? undefined : "bg-red-50"}>
                <td className={cellClass}>
                  <Link className="text-brand-800 underline" href={`/staff/integrity/${a.id}`}>
                    {formatDateTime(a.at)}
                  </Link>
                </td>
                <td className={cellClass}>{a.listProvider.name}</td>
                <td className={cellClass}>
                  {a.caller.name} <span className="font-mono text-xs">({a.keyid})</span>
                </td>
                <td className={cellClass}>{CALLS[a.endpoint] ?? a.endpoint}</td>
                <td className={`${cellClass} text-end`}>{a.phones.length}</td>
                <td className={cellClass}>
                  {a.reviewedAt ? (
                    `examinée (${a.reviewedBy ?? "?"})`
                  ) : (
                    <strong className="text-red-800">à examiner</strong>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {alerts.length === 0 && <p className="mt-4">Aucune alerte.</p>}
      </div>
    </>
  );
}
