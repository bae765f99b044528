import type { Metadata } from "next";
import Link from "next/link";
import { ForbiddenNotice } from "@/components/staff/forbidden-notice";
import { DataTable } from "@/components/staff/data-table";
import { formatDateTime, formatNumber, secondaryButtonClass } from "@/components/staff/ui";
import { auditLabel } from "@/lib/audit/labels.fr";
import { FilterInput, FilterSelect } from "@/components/staff/filter-fields";
import { listAudit } from "@/lib/audit/list-audit";
import { currentStaff } from "@/lib/auth/require-staff";
import { signedInStaff } from "@/lib/auth/signed-in-staff";

export const metadata: Metadata = { title: "Journal d'audit" };

type Filters = { actor?: string; action?: string; from?: string; to?: string; page?: string };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Filters> }) {
  await signedInStaff();
  const staff = await currentStaff();
  if (staff?.role !== "admin") return <ForbiddenNotice />;
  const filters = await searchParams;
  const { entries, total, page, pages, actions } = await listAudit({ ...filters, page: Number(filters.page ?? 1) });
  const pageLink = (n: number) =>
    `/staff/audit?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)), page: String(n) })}`;
  return (
    <>
      <h1 className="text-2xl font-bold">Journal d&apos;audit</h1>
      <form method="get" className="mt-4 flex flex-wrap items-end gap-3" aria-label="Filtres du journal">
        <FilterInput id="actor" label="Qui (adresse, ou « cli: »)" value={filters.actor} />
        <FilterSelect
          id="action"
          label="Action"
          value={filters.action}
          all="Toutes"
          options={actions.map((action) => [action, auditLabel(action)])}
        />
        <FilterInput id="from" label="Du" type="date" value={filters.from} />
        <FilterInput id="to" label="Au" type="date" value={filters.to} />
        <button type="submit" className={secondaryButtonClass}>
          Filtrer
        </button>
      </form>
      <p className="mt-4" role="status" data-testid="audit-count">
        {total === 0
          ? "Aucune entrée."
          : `${formatNumber(total)} entrée${total > 1 ? "s" : ""}, page ${page} sur ${pages}.`}
      </p>
      <DataTable
        caption="Journal d'audit"
        testId="audit-table"
        rows={entries}
        rowKey={(e) => String(e.id)}
        empty="Aucune entrée ne correspond."
        columns={[
          { header: "Date", cell: (e) => formatDateTime(e.at) },
          { header: "Qui", cell: (e) => e.actorLabel },
          {
            header: "Action",
            cell: (e) => (
              <>
                {auditLabel(e.action)} <span className="font-mono text-xs text-slate-600">({e.action})</span>
              </>
            ),
          },
          { header: "Objet", cell: (e) => `${e.targetType} ${e.targetId ?? ""}` },
          {
            header: "Avant → après",
            cell: (e) => (
              <span className="font-mono text-xs">
                {e.before ? JSON.stringify(e.before) : ""}
                {e.after ? ` → ${JSON.stringify(e.after)}` : ""}
              </span>
            ),
          },
        ]}
      />
      {pages > 1 && (
        <nav aria-label="Pages du journal" className="mt-4 flex gap-4">
          {page > 1 && (
            <Link href={pageLink(page - 1)} className="text-brand-800 underline">
              Page précédente
            </Link>
          )}
          {page < pages && (
            <Link href={pageLink(page + 1)} className="text-brand-800 underline">
              Page suivante
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
