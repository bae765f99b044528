import type { Metadata } from "next";
import { ForbiddenNotice } from "@/components/staff/forbidden-notice";
import { cellClass, formatDateTime, headClass } from "@/components/staff/ui";
import { currentStaff } from "@/lib/auth/require-staff";
import { listAudit } from "@/lib/providers/get-registry";

export const metadata: Metadata = { title: "Journal d'audit" };

export default async function AuditPage() {
  const staff = await currentStaff();
  if (staff?.role !== "admin") return <ForbiddenNotice />;
  const entries = await listAudit();
  return (
    <>
      <h1 className="text-2xl font-bold">Journal d&apos;audit</h1>
      <div className="overflow-x-auto">
        <table className="mt-4 w-full text-sm" data-testid="audit-table">
          <thead>
            <tr>
              <th className={headClass}>Date</th>
              <th className={headClass}>Qui</th>
              <th className={headClass}>Action</th>
              <th className={headClass}>Objet</th>
              <th className={headClass}>Avant → après</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={String(e.id)}>
                <td className={cellClass}>{formatDateTime(e.at)}</td>
                <td className={cellClass}>{e.actorLabel}</td>
                <td className={`${cellClass} font-mono`}>{e.action}</td>
                <td className={cellClass}>
                  {e.targetType} {e.targetId}
                </td>
                <td className={`${cellClass} font-mono text-xs`}>
                  {e.before ? JSON.stringify(e.before) : ""}
                  {e.after ? ` → ${JSON.stringify(e.after)}` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
