import type { Metadata } from "next";
import Link from "next/link";
import { cellClass, fieldClass, formatDateTime, headClass, secondaryButtonClass } from "@/components/staff/ui";
import { labelOf, REASON_LABELS, STATUS_LABELS, VERDICT_LABELS } from "@/lib/complaints/labels.fr";
import { listComplaints } from "@/lib/complaints/list-complaints";

export const metadata: Metadata = { title: "Signalements" };

export default async function ComplaintsPage({
  searchParams,
}: {
  searchParams: Promise<{ status?: string; sender?: string }>;
}) {
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
      <div className="overflow-x-auto">
        <table className="mt-4 w-full text-sm">
          <thead>
            <tr>
              <th className={headClass}>Référence</th>
              <th className={headClass}>Reçu le</th>
              <th className={headClass}>Motif</th>
              <th className={headClass}>Expéditeur affiché</th>
              <th className={headClass}>Expéditeur enregistré</th>
              <th className={headClass}>Verdict</th>
              <th className={headClass}>Réponse</th>
              <th className={headClass}>Statut</th>
            </tr>
          </thead>
          <tbody>
            {complaints.map((c) => (
              <tr key={c.id}>
                <td className={cellClass}>
                  <Link className="font-mono text-brand-800 underline" href={`/staff/complaints/${c.id}`}>
                    {c.id}
                  </Link>
                </td>
                <td className={cellClass}>{formatDateTime(c.createdAt)}</td>
                <td className={cellClass}>{REASON_LABELS[c.reason]}</td>
                <td className={cellClass}>{c.senderSeen}</td>
                <td className={cellClass}>{c.sender ? c.sender.name : "—"}</td>
                <td className={cellClass}>{labelOf(VERDICT_LABELS, c.verdict ?? "undetermined")}</td>
                <td className={cellClass}>
                  {c.respondedAt
                    ? c.respondBy && c.respondedAt > c.respondBy
                      ? "En retard"
                      : "Reçue"
                    : c.respondBy && c.respondBy < new Date()
                      ? "Manquante"
                      : "—"}
                </td>
                <td className={cellClass} data-testid={`status-${c.id}`}>
                  {STATUS_LABELS[c.status]}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {complaints.length === 0 && <p className="mt-4">Aucun signalement ne correspond.</p>}
      </div>
    </>
  );
}
