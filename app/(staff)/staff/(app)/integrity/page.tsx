import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/staff/data-table";
import { formatDateTime, formatNumber } from "@/components/staff/ui";
import { requireStaff } from "@/lib/auth/require-staff";
import { listIntegrityAlerts } from "@/lib/integrity/integrity-alerts";
import { signedInStaff } from "@/lib/auth/signed-in-staff";

export const metadata: Metadata = { title: "Alertes d'intégrité" };

const CALLS: Record<string, string> = {
  "POST /links": "liens créés",
  "POST /suppressions/check": "liste vérifiée",
  "POST /keywords": "STOP déclaré",
  "POST /numbers/events": "événements de numéros",
};

export default async function IntegrityAlertsPage() {
  await signedInStaff();
  const { actor } = await requireStaff();
  const alerts = await listIntegrityAlerts(actor);
  return (
    <>
      <h1 className="text-2xl font-bold">Alertes d&apos;intégrité</h1>
      <p className="mt-2 max-w-3xl">
        Chaque fournisseur reçoit dans sa liste quelques numéros témoins, pris dans une plage que l&apos;ANRT
        n&apos;attribue jamais. Un numéro témoin dans un appel (création de liens, vérification de liste, STOP) prouve
        que la liste de ce fournisseur sert de liste de ciblage. Un opérateur qui déclare en un jour plus de
        résiliations que le seuil de revue voit les suivantes retenues : un administrateur les applique ou les rejette.
      </p>
      <DataTable
        caption="Alertes d'intégrité"
        testId="integrity-alerts"
        rows={alerts}
        rowKey={(a) => String(a.id)}
        empty="Aucune alerte."
        rowProps={(a) => ({ className: a.reviewedAt ? undefined : "bg-red-50" })}
        columns={[
          {
            header: "Date",
            cell: (a) => (
              <Link className="text-brand-800 underline" href={`/staff/integrity/${a.id}`}>
                {formatDateTime(a.at)}
              </Link>
            ),
          },
          {
            header: "Liste de",
            cell: (a) => (a.kind === "number-events-held" ? "— (événements de numéros retenus)" : a.listProvider.name),
          },
          {
            header: "Utilisée par",
            cell: (a) => (
              <>
                {a.caller.name} <span className="font-mono text-xs">({a.keyid})</span>
              </>
            ),
          },
          { header: "Appel", cell: (a) => CALLS[a.endpoint] ?? a.endpoint },
          {
            header: "Numéros",
            numeric: true,
            cell: (a) => formatNumber(a.kind === "number-events-held" ? Number(a.details.held) : a.phones.length),
          },
          {
            header: "État",
            cell: (a) =>
              a.reviewedAt ? `examinée (${a.reviewedBy ?? "?"})` : <strong className="text-red-800">à examiner</strong>,
          },
        ]}
      />
    </>
  );
}
