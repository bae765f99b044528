import Link from "next/link";
import type { SourceStats } from "@/lib/sources/read-source-stats";
import { DataTable } from "@/components/staff/data-table";
import { formatDecimal, formatNumber } from "@/components/staff/ui";

const KIND_LABELS: Record<string, string> = { broker: "Courtier en fichiers", partner: "Partenaire" };
export const kindLabel = (kind: string) => KIND_LABELS[kind] ?? kind;

const percent = (rate: number | null) => (rate === null ? "—" : `${formatDecimal(rate * 100)} %`);

/** The list sources ranked by no-consent complaints then refusals, per number minted (dashboard and list). */
export function SourceTable({ sources, caption }: { sources: SourceStats[]; caption: string }) {
  return (
    <DataTable
      caption={caption}
      testId="sources-table"
      rows={sources}
      rowKey={(s) => String(s.id)}
      empty="Aucune source de fichiers enregistrée."
      columns={[
        {
          header: "Source",
          cell: (s) => (
            <Link href={`/staff/sources/${s.code}`} className="underline">
              {s.name}
            </Link>
          ),
        },
        { header: "Nature", cell: (s) => kindLabel(s.kind) + (s.suspendedAt ? " (suspendue)" : "") },
        { header: "Expéditeurs", numeric: true, cell: (s) => formatNumber(s.senders) },
        { header: "Numéros", numeric: true, cell: (s) => formatNumber(s.numbers) },
        { header: "Refus de la source", numeric: true, cell: (s) => formatNumber(s.refusals) },
        { header: "Taux de refus", numeric: true, cell: (s) => percent(s.refusalRate) },
        { header: "Sans consentement", numeric: true, cell: (s) => formatNumber(s.noConsentComplaints) },
        { header: "Taux « sans consentement »", numeric: true, cell: (s) => percent(s.noConsentRate) },
      ]}
    />
  );
}
