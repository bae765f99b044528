import type { Metadata } from "next";
import { SECTOR_LABELS_FR, SECTORS } from "@/lib/providers/sectors";
import { FlashMessage } from "@/components/staff/flash-message";
import { DataTable } from "@/components/staff/data-table";
import { buttonClass, fieldClass, formatNumber, secondaryButtonClass } from "@/components/staff/ui";
import { currentStaff } from "@/lib/auth/require-staff";
import { listSenders } from "@/lib/providers/get-registry";
import { signedInStaff } from "@/lib/auth/signed-in-staff";

export const metadata: Metadata = { title: "Expéditeurs" };

export default async function SendersPage() {
  await signedInStaff();
  const [senders, staff] = await Promise.all([listSenders(), currentStaff()]);
  const admin = staff?.role === "admin";
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
          {
            header: "Nom affiché",
            cell: (s) =>
              admin ? (
                <form method="post" action="/staff/actions/sender-update" className="flex flex-wrap gap-2">
                  <input type="hidden" name="code" value={s.code} />
                  <input type="hidden" name="back" value="/staff/senders" />
                  <input name="name" defaultValue={s.name} aria-label={`Nom de ${s.code}`} className={fieldClass} />
                  <input
                    name="smsSenderIds"
                    defaultValue={s.smsSenderIds.join(", ")}
                    aria-label={`Identifiants SMS de ${s.code}`}
                    className={fieldClass}
                  />
                  <select
                    name="sector"
                    defaultValue={s.sector}
                    aria-label={`Secteur de ${s.code}`}
                    className={fieldClass}
                  >
                    {SECTORS.map((sector) => (
                      <option key={sector} value={sector}>
                        {SECTOR_LABELS_FR[sector]}
                      </option>
                    ))}
                  </select>
                  <button type="submit" className={secondaryButtonClass}>
                    Enregistrer
                  </button>
                </form>
              ) : (
                s.name
              ),
          },
          { header: "Identifiants SMS", cell: (s) => s.smsSenderIds.join(", ") || "—" },
          { header: "Fournisseurs", numeric: true, cell: (s) => formatNumber(s._count.providers) },
        ]}
      />
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
