import type { Metadata } from "next";
import { ForbiddenNotice } from "@/components/staff/forbidden-notice";
import { DataTable } from "@/components/staff/data-table";
import { formatDateTime } from "@/components/staff/ui";
import { currentStaff } from "@/lib/auth/require-staff";
import { listAudit } from "@/lib/providers/get-registry";
import { signedInStaff } from "@/lib/auth/signed-in-staff";

export const metadata: Metadata = { title: "Journal d'audit" };

export default async function AuditPage() {
  await signedInStaff();
  const staff = await currentStaff();
  if (staff?.role !== "admin") return <ForbiddenNotice />;
  const entries = await listAudit();
  return (
    <>
      <h1 className="text-2xl font-bold">Journal d&apos;audit</h1>
      <DataTable
        caption="Journal d'audit"
        testId="audit-table"
        rows={entries}
        rowKey={(e) => String(e.id)}
        empty="Aucune entrée."
        columns={[
          { header: "Date", cell: (e) => formatDateTime(e.at) },
          { header: "Qui", cell: (e) => e.actorLabel },
          { header: "Action", cell: (e) => <span className="font-mono">{e.action}</span> },
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
    </>
  );
}
