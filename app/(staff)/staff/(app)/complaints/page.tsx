import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/staff/data-table";
import { formatDateTime, formatNumber, secondaryButtonClass } from "@/components/staff/ui";
import { labelOf, REASON_LABELS, STATUS_LABELS, VERDICT_LABELS } from "@/lib/complaints/labels.fr";
import { listComplaints, type ComplaintFilters } from "@/lib/complaints/list-complaints";
import { FilterInput, FilterSelect } from "@/components/staff/filter-fields";
import { listProviders } from "@/lib/providers/get-registry";
import { signedInStaff } from "@/lib/auth/signed-in-staff";

export const metadata: Metadata = { title: "Signalements" };

export default async function ComplaintsPage({ searchParams }: { searchParams: Promise<ComplaintFilters> }) {
  await signedInStaff();
  const filters = await searchParams;
  const [{ rows: complaints, total }, providers] = await Promise.all([listComplaints(filters), listProviders()]);
  return (
    <>
      <h1 className="text-2xl font-bold">Signalements</h1>
      <form method="get" className="mt-4 flex flex-wrap items-end gap-3" aria-label="Filtres">
        <FilterSelect id="status" label="Statut" value={filters.status} options={Object.entries(STATUS_LABELS)} />
        <FilterSelect id="verdict" label="Verdict" value={filters.verdict} options={Object.entries(VERDICT_LABELS)} />
        <FilterSelect
          id="provider"
          label="Opérateur d'envoi"
          value={filters.provider}
          options={providers.map((p) => [p.slug, p.name])}
        />
        <FilterInput id="from" label="Reçus du" type="date" value={filters.from} />
        <FilterInput id="to" label="au" type="date" value={filters.to} />
        <FilterInput id="sender" label="Expéditeur (code)" value={filters.sender} />
        <button type="submit" className={secondaryButtonClass}>
          Filtrer
        </button>
        <a href="/staff/export/complaints?range=90d" download className="text-sm text-brand-800 underline">
          Exporter (90 jours) en CSV
        </a>
      </form>
      <p className="mt-4" role="status" data-testid="complaints-count">
        {total === 0
          ? "Aucun signalement ne correspond."
          : total > complaints.length
            ? `${formatNumber(total)} signalements ; les ${formatNumber(complaints.length)} plus récents sont affichés.`
            : `${formatNumber(total)} signalement${total > 1 ? "s" : ""}.`}
      </p>
      <DataTable
        caption="Signalements"
        rows={complaints}
        rowKey={(c) => c.id}
        empty="Aucun signalement ne correspond."
        columns={[
          {
            header: "Référence",
            cell: (c) => (
              <Link className="font-mono text-brand-800 underline" href={`/staff/complaints/${c.id}`}>
                {c.id}
              </Link>
            ),
          },
          { header: "Reçu le", cell: (c) => formatDateTime(c.createdAt) },
          { header: "Motif", cell: (c) => REASON_LABELS[c.reason] },
          { header: "Expéditeur tel qu'affiché", cell: (c) => <bdi>{c.senderSeen}</bdi> },
          { header: "Expéditeur enregistré", cell: (c) => (c.sender ? c.sender.name : "—") },
          { header: "Verdict", cell: (c) => labelOf(VERDICT_LABELS, c.verdict ?? "undetermined") },
          { header: "Opérateur d'envoi", cell: (c) => c.provider?.name ?? "—" },
          { header: "Réponse attendue avant le", cell: (c) => (c.respondBy ? formatDateTime(c.respondBy) : "—") },
          {
            header: "Réponse",
            cell: (c) =>
              c.respondedAt
                ? c.respondBy && c.respondedAt > c.respondBy
                  ? "En retard"
                  : "Reçue"
                : c.respondBy && c.respondBy < new Date()
                  ? "Manquante"
                  : "—",
          },
          { header: "Statut", cell: (c) => STATUS_LABELS[c.status], testId: (c) => `status-${c.id}` },
        ]}
      />
    </>
  );
}
