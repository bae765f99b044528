import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/staff/data-table";
import { fieldClass, formatDateTime, secondaryButtonClass } from "@/components/staff/ui";
import { labelOf, REASON_LABELS, STATUS_LABELS, VERDICT_LABELS } from "@/lib/complaints/labels.fr";
import { listComplaints } from "@/lib/complaints/list-complaints";
import { signedInStaff } from "@/lib/auth/signed-in-staff";

export const metadata: Metadata = { title: "Signalements" };

export default async function ComplaintsPage({
  searchParams,
}: {
  searchParams: Promise<{ status?: string; sender?: string }>;
}) {
  await signedInStaff();
  const filters = await searchParams;
  const complaints = await listComplaints(filters);
  return (
    <>
      <h1 className="text-2xl font-bold">Signalements</h1>
      <form method="get" className="mt-4 flex flex-wrap items-end gap-3" aria-label="Filtres">
        <div>
          <label htmlFor="status" className="block text-sm font-semibold">
            Statut
          </label>
          <select id="status" name="status" defaultValue={filters.status ?? ""} className={fieldClass}>
            <option value="">Tous</option>
            {Object.entries(STATUS_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="sender" className="block text-sm font-semibold">
            Expéditeur (code)
          </label>
          <input id="sender" name="sender" defaultValue={filters.sender ?? ""} className={fieldClass} />
        </div>
        <button type="submit" className={secondaryButtonClass}>
          Filtrer
        </button>
        <a href="/staff/export/complaints?range=90d" download className="text-sm text-brand-800 underline">
          Exporter (90 jours) en CSV
        </a>
      </form>
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
          { header: "Expéditeur affiché", cell: (c) => c.senderSeen },
          { header: "Expéditeur enregistré", cell: (c) => (c.sender ? c.sender.name : "—") },
          { header: "Verdict", cell: (c) => labelOf(VERDICT_LABELS, c.verdict ?? "undetermined") },
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
