import type { Metadata } from "next";
import Link from "next/link";
import { SECTOR_LABELS_FR, SECTORS } from "@/lib/providers/sectors";
import { FlashMessage } from "@/components/staff/flash-message";
import { DataTable } from "@/components/staff/data-table";
import { buttonClass, fieldClass, formatNumber, secondaryButtonClass } from "@/components/staff/ui";
import { currentStaff } from "@/lib/auth/require-staff";
import { listSenders } from "@/lib/providers/get-registry";
import { signedInStaff } from "@/lib/auth/signed-in-staff";

export const metadata: Metadata = { title: "Expéditeurs" };

// Rows are read-only; "Modifier" opens one sender's form, every field with its visible label.
export default async function SendersPage({ searchParams }: { searchParams: Promise<{ edit?: string }> }) {
  await signedInStaff();
  const [senders, staff, { edit }] = await Promise.all([listSenders(), currentStaff(), searchParams]);
  const admin = staff?.role === "admin";
  const editing = edit ? senders.find((s) => s.code === edit) : undefined;
  return (
    <>
      <h1 className="text-2xl font-bold">Expéditeurs</h1>
      <FlashMessage />
      <DataTable
        caption="Expéditeurs"
        rows={senders}
        rowKey={(s) => String(s.id)}
        empty="Aucun expéditeur enregistré."
        columns={[
          { header: "Code", cell: (s) => <span className="font-mono">{s.code}</span> },
          { header: "Nom affiché", cell: (s) => s.name },
          { header: "Identifiants SMS", cell: (s) => s.smsSenderIds.join(", ") || "—" },
          { header: "Secteur", cell: (s) => SECTOR_LABELS_FR[s.sector as (typeof SECTORS)[number]] ?? s.sector },
          { header: "Fournisseurs", numeric: true, cell: (s) => formatNumber(s._count.providers) },
          ...(admin
            ? [
                {
                  header: "Action",
                  cell: (s: (typeof senders)[number]) => (
                    <Link href={`/staff/senders?edit=${encodeURIComponent(s.code)}#edit-sender`} className="underline">
                      Modifier <span className="sr-only">{s.name}</span>
                    </Link>
                  ),
                },
              ]
            : []),
        ]}
      />
      {admin && editing && (
        <section className="mt-8 max-w-xl rounded border-2 border-brand-700 p-4" aria-labelledby="edit-sender">
          <h2 id="edit-sender" className="text-xl font-semibold">
            Modifier l&apos;expéditeur <span className="font-mono">{editing.code}</span>
          </h2>
          <form method="post" action="/staff/actions/sender-update">
            <input type="hidden" name="code" value={editing.code} />
            <input type="hidden" name="back" value="/staff/senders" />
            <label htmlFor="edit-name" className="mt-3 block font-semibold">
              Nom affiché
            </label>
            <input id="edit-name" name="name" required defaultValue={editing.name} className={fieldClass} />
            <label htmlFor="edit-smsSenderIds" className="mt-3 block font-semibold">
              Identifiants SMS (séparés par des virgules)
            </label>
            <input
              id="edit-smsSenderIds"
              name="smsSenderIds"
              defaultValue={editing.smsSenderIds.join(", ")}
              className={fieldClass}
            />
            <label htmlFor="edit-sector" className="mt-3 block font-semibold">
              Secteur
            </label>
            <select id="edit-sector" name="sector" defaultValue={editing.sector} className={fieldClass}>
              {SECTORS.map((sector) => (
                <option key={sector} value={sector}>
                  {SECTOR_LABELS_FR[sector]}
                </option>
              ))}
            </select>
            <div className="mt-4 flex flex-wrap gap-3">
              <button type="submit" className={buttonClass}>
                Enregistrer les modifications
              </button>
              <Link href="/staff/senders" className={secondaryButtonClass}>
                Annuler
              </Link>
            </div>
          </form>
        </section>
      )}
      {admin && (
        <section className="mt-8 max-w-xl" aria-labelledby="new-sender">
          <h2 id="new-sender" className="text-xl font-semibold">
            Enregistrer un expéditeur
          </h2>
          <form method="post" action="/staff/actions/sender-create">
            <input type="hidden" name="back" value="/staff/senders" />
            <label htmlFor="code" className="mt-3 block font-semibold">
              Code (ex. souk-market)
            </label>
            <input id="code" name="code" required className={fieldClass} />
            <label htmlFor="name" className="mt-3 block font-semibold">
              Nom affiché
            </label>
            <input id="name" name="name" required className={fieldClass} />
            <label htmlFor="smsSenderIds" className="mt-3 block font-semibold">
              Identifiants SMS (séparés par des virgules)
            </label>
            <input id="smsSenderIds" name="smsSenderIds" className={fieldClass} />
            <label htmlFor="sector" className="mt-3 block font-semibold">
              Secteur
            </label>
            <select id="sector" name="sector" defaultValue="other" className={fieldClass}>
              {SECTORS.map((sector) => (
                <option key={sector} value={sector}>
                  {SECTOR_LABELS_FR[sector]}
                </option>
              ))}
            </select>
            <button type="submit" className={`${buttonClass} mt-4`}>
              Enregistrer
            </button>
          </form>
        </section>
      )}
    </>
  );
}
