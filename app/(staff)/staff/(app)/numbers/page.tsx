import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/staff/data-table";
import { FlashMessage } from "@/components/staff/flash-message";
import { formatNumber } from "@/components/staff/ui";
import { requireStaff } from "@/lib/auth/require-staff";
import { numberEventsByDay } from "@/lib/numbers/number-event-stats";
import { signedInStaff } from "@/lib/auth/signed-in-staff";

export const metadata: Metadata = { title: "Numéros résiliés" };

export default async function NumberEventsPage() {
  await signedInStaff();
  const staff = await requireStaff();
  const days = await numberEventsByDay(staff.actor);
  return (
    <>
      <h1 className="text-2xl font-bold">Numéros résiliés</h1>
      <FlashMessage />
      <p className="mt-2 max-w-3xl">
        Les opérateurs déclarent les numéros qui quittent leur titulaire : les oppositions de l&apos;ancien titulaire
        prennent fin, et reviennent si l&apos;opérateur rétablit le numéro dans les 90 jours. Trente derniers jours, par
        opérateur et par jour de réception.
      </p>
      <DataTable
        caption="Événements de numéros par jour et par opérateur"
        testId="number-events-table"
        rows={days}
        rowKey={(d) => `${d.day}-${d.operator}`}
        empty="Aucun événement depuis trente jours."
        columns={[
          { header: "Jour", cell: (d) => d.day.split("-").reverse().join("/") },
          { header: "Opérateur", cell: (d) => d.operator },
          { header: "Résiliés", numeric: true, cell: (d) => formatNumber(d.disconnected) },
          { header: "Rétablis", numeric: true, cell: (d) => formatNumber(d.reinstated) },
          { header: "Portés", numeric: true, cell: (d) => formatNumber(d.ported) },
          { header: "Oppositions terminées", numeric: true, cell: (d) => formatNumber(d.ended) },
          { header: "Oppositions rétablies", numeric: true, cell: (d) => formatNumber(d.restored) },
        ]}
      />
      <p className="mt-6">
        Les événements d&apos;un numéro, et ses oppositions terminées à rétablir, sont sur{" "}
        <Link href="/staff/lookup" className="underline">
          sa fiche
        </Link>
        .
      </p>
    </>
  );
}
