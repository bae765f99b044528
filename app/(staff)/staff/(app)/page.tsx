import type { Metadata } from "next";
import Link from "next/link";
import { DailyChart, SourceChart } from "@/components/staff/charts";
import { DataTable } from "@/components/staff/data-table";
import { RangeFilter } from "@/components/staff/range-filter";
import { formatDateTime, formatDay, formatDecimal, formatDuration, formatNumber } from "@/components/staff/ui";
import { env } from "@/lib/env";
import { parseDateRange, rangeQuery } from "@/lib/stats/date-range";
import { countOpenIntegrityAlerts } from "@/lib/integrity/integrity-alerts";
import { getDashboard } from "@/lib/stats/get-dashboard";
import { signedInStaff } from "@/lib/auth/signed-in-staff";
import { SourceTable } from "@/components/staff/source-table";
import { readSourcesRanked } from "@/lib/sources/read-source-stats";

export const metadata: Metadata = { title: "Tableau de bord" };

type Search = Promise<{ range?: string; from?: string; to?: string }>;

function Kpi({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 p-4">
      <p className="text-sm text-slate-700">{label}</p>
      <p className="mt-1 text-2xl font-bold" data-testid={testId}>
        {formatNumber(value)}
      </p>
    </div>
  );
}

function ExportLink({ table, query }: { table: string; query: string }) {
  return (
    <a href={`/staff/export/${table}?${query}`} className="text-sm text-brand-800 underline">
      Exporter en CSV
    </a>
  );
}

export default async function DashboardPage({ searchParams }: { searchParams: Search }) {
  await signedInStaff();
  const range = parseDateRange(await searchParams);
  const query = rangeQuery(range);
  const [data, openAlerts, listSources] = await Promise.all([
    getDashboard(range),
    countOpenIntegrityAlerts(),
    readSourcesRanked(),
  ]);
  const maxLag = env().STOPSMS_MAX_LAG_HOURS;
  return (
    <>
      <h1 className="text-2xl font-bold">Tableau de bord</h1>
      <p className="mt-1 text-slate-700">
        Du {formatDay(range.from)} au {formatDay(range.to)} (heure du Maroc)
      </p>
      <div className="mt-4">
        <RangeFilter range={range} action="/staff" />
      </div>

      {openAlerts > 0 && (
        <p
          role="alert"
          className="mt-4 rounded border-2 border-red-700 bg-red-50 p-3 font-semibold text-red-900"
          data-testid="integrity-alert"
        >
          Alerte d&apos;intégrité : {formatNumber(openAlerts)}{" "}
          {openAlerts > 1 ? "listes de fournisseurs utilisées" : "liste de fournisseur utilisée"} comme liste de ciblage
          (numéros témoins).{" "}
          <Link href="/staff/integrity" className="underline">
            Voir les alertes
          </Link>
        </p>
      )}
      {data.unverified.alert && (
        <p
          role="alert"
          className="mt-4 rounded border-2 border-red-700 bg-red-50 p-3 font-semibold text-red-900"
          data-testid="unverified-alert"
        >
          Alerte : {formatNumber(data.unverified.lastHour)} refus non vérifiés (formulaire /stop) depuis une heure. Un
          script peut être à l&apos;œuvre : consultez le journal et les adresses.
        </p>
      )}
      {(data.sms.alert || data.sms.anomalies.length > 0) && (
        <p
          role="alert"
          className="mt-4 rounded border-2 border-red-700 bg-red-50 p-3 font-semibold text-red-900"
          data-testid="sms-budget-alert"
        >
          Alerte SMS : {formatNumber(data.sms.lastHour)} codes envoyés cette heure-ci sur un budget de{" "}
          {formatNumber(data.sms.perHour)}
          {data.sms.anomalies.length > 0 &&
            ` ; préfixes anormalement sollicités : ${data.sms.anomalies.map((a) => `${a.prefix}… (${formatNumber(a.count)})`).join(", ")}`}
          . Au-delà du budget, le formulaire « Mon numéro » n&apos;envoie plus de code jusqu&apos;à l&apos;heure
          suivante.
        </p>
      )}
      <p className="mt-2 text-sm text-slate-700" data-testid="unverified-share">
        Refus non vérifiés aujourd&apos;hui : {formatNumber(data.unverified.today)}
        {data.unverified.todayShare !== null &&
          ` (${String(data.unverified.todayShare).replace(".", ",")} % des refus du jour)`}{" "}
        · dernière heure : {formatNumber(data.unverified.lastHour)}
      </p>
      <section aria-labelledby="kpis" className="mt-6">
        <h2 id="kpis" className="sr-only">
          Indicateurs
        </h2>
        <div className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-6">
          <Kpi label="En vigueur : tous expéditeurs" value={data.kpis.inForceAll} testId="kpi-in-force-all" />
          <Kpi label="En vigueur : par expéditeur" value={data.kpis.inForceSender} testId="kpi-in-force-sender" />
          <Kpi label="Nouvelles sur la période" value={data.kpis.newInPeriod} testId="kpi-new" />
          <Kpi label="Retraits sur la période" value={data.kpis.withdrawnInPeriod} testId="kpi-withdrawn" />
          <Kpi label="Signalements ouverts" value={data.kpis.complaintsOpen} testId="kpi-complaints-open" />
          <Kpi label="Signalements reçus sur la période" value={data.kpis.complaintsNew} testId="kpi-complaints-new" />
          <Kpi label="Codes SMS non envoyés (passerelle)" value={data.kpis.smsFailures} testId="kpi-sms-failures" />
        </div>
      </section>

      <section aria-labelledby="daily" className="mt-8">
        <div className="flex items-baseline justify-between">
          <h2 id="daily" className="text-xl font-semibold">
            Oppositions par jour
          </h2>
          <ExportLink table="daily" query={query} />
        </div>
        <DailyChart data={data.daily} />
      </section>

      <section aria-labelledby="sources" className="mt-8">
        <h2 id="sources" className="text-xl font-semibold">
          Par canal
        </h2>
        <SourceChart data={data.bySource} />
      </section>

      <section aria-labelledby="senders" className="mt-8">
        <div className="flex items-baseline justify-between">
          <h2 id="senders" className="text-xl font-semibold">
            Expéditeurs
          </h2>
          <ExportLink table="senders" query={query} />
        </div>
        <DataTable
          caption="Expéditeurs"
          testId="senders-table"
          rows={data.senders.slice(0, 20)}
          rowKey={(s) => s.code}
          empty="Aucun expéditeur sur la période."
          columns={[
            {
              header: "Expéditeur",
              cell: (s) => (
                <>
                  {s.name} <span className="text-slate-600">({s.code})</span>
                </>
              ),
            },
            { header: "Nouvelles oppositions", numeric: true, cell: (s) => formatNumber(s.added) },
            { header: "En vigueur", numeric: true, cell: (s) => formatNumber(s.inForce) },
            { header: "Liens émis", numeric: true, cell: (s) => formatNumber(s.minted) },
            {
              header: "Pour 1 000 liens",
              numeric: true,
              cell: (s) => (s.perThousandLinks === null ? "—" : formatDecimal(s.perThousandLinks)),
            },
            {
              header: "Signalements",
              cell: (s) => (
                <Link className="text-brand-800 underline" href={`/staff/complaints?sender=${s.code}`}>
                  Voir
                </Link>
              ),
            },
          ]}
        />
      </section>

      <section aria-labelledby="list-sources" className="mt-8">
        <div className="flex items-baseline justify-between">
          <h2 id="list-sources" className="text-xl font-semibold">
            Sources de fichiers
          </h2>
          <Link className="text-brand-800 underline" href="/staff/sources">
            Toutes les sources
          </Link>
        </div>
        <SourceTable
          sources={listSources.slice(0, 10)}
          caption="Sources de fichiers, les plus signalées « sans consentement » d'abord (depuis l'origine)"
        />
      </section>

      <section aria-labelledby="compliance" className="mt-8">
        <div className="flex items-baseline justify-between">
          <h2 id="compliance" className="text-xl font-semibold">
            Conformité des fournisseurs
          </h2>
          <ExportLink table="compliance" query={query} />
        </div>
        <p className="text-sm text-slate-700">
          Retard = âge de la plus ancienne opposition que le fournisseur n&apos;a pas encore récupérée ; retard
          d&apos;application = la plus ancienne dont il n&apos;a pas confirmé l&apos;application (accusé de réception
          signé). Délai légal : {formatDuration(maxLag)}. Infractions : signalements jugés en infraction ces 30 derniers
          jours.
        </p>
        <DataTable
          caption="Conformité des fournisseurs"
          testId="compliance-table"
          rows={data.compliance}
          rowKey={(p) => p.slug}
          empty="Aucun fournisseur enregistré."
          rowProps={(p) => ({
            className: p.late || p.ackLate || p.flagged ? "bg-red-50" : undefined,
            "data-late": p.late ? "true" : undefined,
            "data-flagged": p.flagged ? "true" : undefined,
          })}
          columns={[
            {
              header: "Fournisseur",
              cell: (p) => (
                <>
                  <Link className="text-brand-800 underline" href={`/staff/providers/${p.slug}?${query}`}>
                    {p.name}
                  </Link>
                  {p.status !== "active" && " (suspendu)"}
                </>
              ),
            },
            {
              header: "Dernière récupération",
              cell: (p) => (p.lastPullAt ? formatDateTime(p.lastPullAt) : "Aucune récupération"),
            },
            { header: "Changements lus (n° du dernier)", numeric: true, cell: (p) => formatNumber(p.seqReached) },
            {
              header: "Retard",
              numeric: true,
              cell: (p) => (
                <>
                  {p.lagHours === null ? "À jour" : formatDuration(p.lagHours)}
                  {p.late && <strong className="ms-2 text-red-800">EN RETARD</strong>}
                </>
              ),
            },
            {
              header: "Retard d'application",
              numeric: true,
              cell: (p) => (
                <>
                  {p.ackLagHours === null ? "À jour" : formatDuration(p.ackLagHours)}
                  {p.ackLate && <strong className="ms-2 text-red-800">EN RETARD</strong>}
                </>
              ),
            },
            { header: "Appels sur la période", numeric: true, cell: (p) => formatNumber(p.pullsInPeriod) },
            {
              header: "Infractions (30 j)",
              numeric: true,
              cell: (p) => (
                <>
                  {formatNumber(p.violations30d)}
                  {p.flagged && <strong className="ms-2 text-red-800">SIGNALÉ</strong>}
                </>
              ),
            },
            {
              header: "Réponses manquantes / tardives",
              numeric: true,
              cell: (p) => `${formatNumber(p.answersMissing)} / ${formatNumber(p.answersLate)}`,
            },
          ]}
        />
      </section>
    </>
  );
}
