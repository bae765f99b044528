import type { Metadata } from "next";
import { SenderCheckboxes } from "@/components/staff/sender-checkboxes";
import Link from "next/link";
import { FlashMessage } from "@/components/staff/flash-message";
import { DataTable } from "@/components/staff/data-table";
import { buttonClass, fieldClass, formatNumber } from "@/components/staff/ui";
import { currentStaff } from "@/lib/auth/require-staff";
import { listProviders, listSenders } from "@/lib/providers/get-registry";
import { signedInStaff } from "@/lib/auth/signed-in-staff";

export const metadata: Metadata = { title: "Fournisseurs" };

export default async function ProvidersPage() {
  await signedInStaff();
  const [providers, senders, staff] = await Promise.all([listProviders(), listSenders(), currentStaff()]);
  return (
    <>
      <h1 className="text-2xl font-bold">Fournisseurs SMS</h1>
      <FlashMessage />
      <DataTable
        caption="Fournisseurs SMS"
        rows={providers}
        rowKey={(p) => String(p.id)}
        empty="Aucun fournisseur enregistré."
        columns={[
          {
            header: "Fournisseur",
            cell: (p) => (
              <>
                <Link className="text-brand-800 underline" href={`/staff/providers/${p.slug}`}>
                  {p.name}
                </Link>{" "}
                <span className="text-slate-600">({p.slug})</span>
              </>
            ),
          },
          { header: "Déclaration", cell: (p) => p.anrtNumber },
          { header: "Type", cell: (p) => (p.kind === "operator" ? "Opérateur" : "Fournisseur") },
          { header: "Statut", cell: (p) => (p.status === "active" ? "Actif" : "Suspendu") },
          { header: "Clés", numeric: true, cell: (p) => formatNumber(p._count.keys) },
          { header: "Expéditeurs", numeric: true, cell: (p) => formatNumber(p._count.senders) },
        ]}
      />
      {staff?.role === "admin" && (
        <section className="mt-8 max-w-xl" aria-labelledby="new-provider">
          <h2 id="new-provider" className="text-xl font-semibold">
            Enregistrer un fournisseur
          </h2>
          <form method="post" action="/staff/actions/provider-create">
            <input type="hidden" name="back" value="/staff/providers" />
            <label htmlFor="slug" className="mt-3 block font-semibold">
              Identifiant (ex. acme-telecom)
            </label>
            <input id="slug" name="slug" required className={fieldClass} />
            <label htmlFor="name" className="mt-3 block font-semibold">
              Raison sociale
            </label>
            <input id="name" name="name" required className={fieldClass} />
            <label htmlFor="anrtNumber" className="mt-3 block font-semibold">
              Numéro de déclaration ANRT
            </label>
            <input id="anrtNumber" name="anrtNumber" required className={fieldClass} />
            <fieldset className="mt-3">
              <legend className="font-semibold">Type</legend>
              <label className="mt-1 flex items-center gap-2">
                <input type="radio" name="kind" value="provider" defaultChecked /> Fournisseur de services SMS
              </label>
              <label className="mt-1 flex items-center gap-2">
                <input type="radio" name="kind" value="operator" /> Opérateur de réseau (attribue les numéros ; peut
                déclarer les numéros résiliés)
              </label>
            </fieldset>
            <label htmlFor="contact" className="mt-3 block font-semibold">
              Contact technique
            </label>
            <input id="contact" name="contact" className={fieldClass} />
            <SenderCheckboxes
              senders={senders}
              name="senders"
              legend="Expéditeurs autorisés"
              empty="Aucun expéditeur enregistré : enregistrez-les d'abord."
            />
            <button type="submit" className={`${buttonClass} mt-4`}>
              Enregistrer
            </button>
          </form>
        </section>
      )}
    </>
  );
}
