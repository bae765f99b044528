import type { Metadata } from "next";
import { DataTable } from "@/components/staff/data-table";
import { FlashMessage } from "@/components/staff/flash-message";
import { buttonClass, fieldClass, formatDateTime, formatNumber } from "@/components/staff/ui";
import { requireStaff } from "@/lib/auth/require-staff";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { numberEventsByDay, searchNumberEvents } from "@/lib/numbers/number-event-stats";
import { signedInStaff } from "@/lib/auth/signed-in-staff";

export const metadata: Metadata = { title: "Numéros résiliés" };

const EVENTS: Record<string, string> = { disconnected: "résilié", reinstated: "rétabli", ported: "porté" };

export default async function NumberEventsPage({ searchParams }: { searchParams: Promise<{ phone?: string }> }) {
  await signedInStaff();
  const [{ phone }, staff] = await Promise.all([searchParams, requireStaff()]);
  const days = await numberEventsByDay(staff.actor);
  let search: Awaited<ReturnType<typeof searchNumberEvents>> | null = null;
  let searchError: string | null = null;
  if (staff.role === "admin" && phone) {
    try {
      search = await searchNumberEvents(staff.actor, phone, env().STOPSMS_DEFAULT_REGION);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      searchError = "Numéro invalide.";
    }
  }
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
      {staff.role === "admin" && (
        <section className="mt-8 max-w-3xl" aria-labelledby="search">
          <h2 id="search" className="text-xl font-semibold">
            Rechercher un numéro (administrateurs, consultation journalisée)
          </h2>
          <form method="get" className="mt-2 flex flex-wrap items-end gap-2">
            <label htmlFor="phone" className="font-semibold">
              Numéro
            </label>
            <input id="phone" name="phone" defaultValue={phone ?? ""} className={`${fieldClass} max-w-xs`} dir="ltr" />
            <button type="submit" className={buttonClass}>
              Rechercher
            </button>
          </form>
          {searchError && (
            <p role="alert" className="mt-2 text-red-800">
              {searchError}
            </p>
          )}
          {search && search.events.length > 0 && (
            <DataTable
              caption={`Événements du numéro ${search.phone}`}
              testId="number-search"
              rows={search.events.map((event, index) => ({ ...event, index }))}
              rowKey={(e) => String(e.index)}
              empty=""
              columns={[
                { header: "Événement", cell: (e) => EVENTS[e.event] ?? e.event },
                { header: "Survenu le", cell: (e) => formatDateTime(e.at) },
                { header: "Reçu le", cell: (e) => formatDateTime(e.receivedAt) },
                {
                  header: "Opérateur (clé)",
                  cell: (e) => (
                    <>
                      {e.operator} <span className="font-mono text-xs">({e.keyid})</span>
                    </>
                  ),
                },
                {
                  header: "Effet",
                  cell: (e) => (e.ended ? `${e.ended} terminée(s)` : e.restored ? `${e.restored} rétablie(s)` : "—"),
                },
              ]}
            />
          )}
          {search && search.events.length === 0 && <p className="mt-2">Aucun événement pour {search.phone}.</p>}
          {search && search.ended.length > 0 && (
            <DataTable
              caption={`Oppositions de ${search.phone} terminées par une résiliation (90 derniers jours)`}
              testId="ended-oppositions"
              rows={search.ended}
              rowKey={(o) => o.id}
              empty=""
              columns={[
                { header: "Portée", cell: (o) => (o.scope === "all" ? "tous les expéditeurs" : (o.sender ?? "—")) },
                { header: "Enregistrée le", cell: (o) => formatDateTime(o.recordedAt) },
                { header: "Terminée le", cell: (o) => formatDateTime(o.endedAt) },
                {
                  header: "Action",
                  cell: (o) => (
                    <form method="post" action="/staff/actions/opposition-restore">
                      <input type="hidden" name="id" value={o.id} />
                      <input
                        type="hidden"
                        name="back"
                        value={`/staff/numbers?phone=${encodeURIComponent(search.phone)}`}
                      />
                      <button type="submit" className={buttonClass}>
                        Rétablir
                      </button>
                    </form>
                  ),
                },
              ]}
            />
          )}
        </section>
      )}
    </>
  );
}
