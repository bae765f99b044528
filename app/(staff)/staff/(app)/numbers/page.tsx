import type { Metadata } from "next";
import { buttonClass, cellClass, fieldClass, formatDateTime, formatNumber, headClass } from "@/components/staff/ui";
import { requireStaff } from "@/lib/auth/require-staff";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { numberEventsByDay, searchNumberEvents } from "@/lib/numbers/number-event-stats";

export const metadata: Metadata = { title: "Numéros résiliés" };

const EVENTS: Record<string, string> = { disconnected: "résilié", reinstated: "rétabli", ported: "porté" };

export default async function NumberEventsPage({ searchParams }: { searchParams: Promise<{ phone?: string }> }) {
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
      <p className="mt-2 max-w-3xl">
        Les opérateurs déclarent les numéros qui quittent leur titulaire : les oppositions de l&apos;ancien titulaire
        prennent fin, et reviennent si l&apos;opérateur rétablit le numéro dans les 90 jours. Trente derniers jours, par
        opérateur et par jour de réception.
      </p>
      <div className="overflow-x-auto">
        <table className="mt-4 w-full text-sm" data-testid="number-events-table">
          <thead>
            <tr>
              <th className={headClass}>Jour</th>
              <th className={headClass}>Opérateur</th>
              <th className={`${headClass} text-end`}>Résiliés</th>
              <th className={`${headClass} text-end`}>Rétablis</th>
              <th className={`${headClass} text-end`}>Portés</th>
              <th className={`${headClass} text-end`}>Oppositions terminées</th>
              <th className={`${headClass} text-end`}>Oppositions rétablies</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={`${d.day}-${d.operator}`}>
                <td className={cellClass}>{d.day.split("-").reverse().join("/")}</td>
                <td className={cellClass}>{d.operator}</td>
                {[d.disconnected, d.reinstated, d.ported, d.ended, d.restored].map((n, i) => (
                  <td key={i} className={`${cellClass} text-end`}>
                    {formatNumber(n)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {days.length === 0 && <p className="mt-4">Aucun événement depuis trente jours.</p>}
      </div>
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
          {search && (
            <table className="mt-4 w-full text-sm" data-testid="number-search">
              <thead>
                <tr>
                  <th className={headClass}>Événement</th>
                  <th className={headClass}>Survenu le</th>
                  <th className={headClass}>Reçu le</th>
                  <th className={headClass}>Opérateur (clé)</th>
                  <th className={`${headClass} text-end`}>Effet</th>
                </tr>
              </thead>
              <tbody>
                {search.events.map((e, i) => (
                  <tr key={i}>
                    <td className={cellClass}>{EVENTS[e.event] ?? e.event}</td>
                    <td className={cellClass}>{formatDateTime(e.at)}</td>
                    <td className={cellClass}>{formatDateTime(e.receivedAt)}</td>
                    <td className={cellClass}>
                      {e.operator} <span className="font-mono text-xs">({e.keyid})</span>
                    </td>
                    <td className={`${cellClass} text-end`}>
                      {e.ended ? `${e.ended} terminée(s)` : e.restored ? `${e.restored} rétablie(s)` : "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {search && search.events.length === 0 && <p className="mt-2">Aucun événement pour {search.phone}.</p>}
        </section>
      )}
    </>
  );
}
