import type { Metadata } from "next";
import { FlashMessage } from "@/components/staff/flash-message";
import { SourceTable } from "@/components/staff/source-table";
import { buttonClass, fieldClass } from "@/components/staff/ui";
import { currentStaff } from "@/lib/auth/require-staff";
import { signedInStaff } from "@/lib/auth/signed-in-staff";
import { readSourcesRanked } from "@/lib/sources/read-source-stats";

export const metadata: Metadata = { title: "Sources de fichiers" };

export default async function SourcesPage() {
  await signedInStaff();
  const [sources, staff] = await Promise.all([readSourcesRanked(), currentStaff()]);
  return (
    <>
      <h1 className="text-2xl font-bold">Sources de fichiers</h1>
      <p className="mt-2 max-w-3xl">
        D&apos;où viennent les numéros des campagnes, selon leurs déclarations : les courtiers qui vendent ou louent des
        fichiers, les partenaires qui partagent leurs clients. Classées par taux de signalements « je n&apos;ai jamais
        donné mon accord », puis par taux de refus de la source, rapportés aux numéros démarchés.
      </p>
      <FlashMessage />
      <SourceTable sources={sources} caption="Sources de fichiers, les plus signalées d'abord" />
      {staff?.role === "admin" && (
        <section className="mt-8 max-w-xl" aria-labelledby="new-source">
          <h2 id="new-source" className="text-xl font-semibold">
            Enregistrer une source
          </h2>
          <form method="post" action="/staff/actions/source-create">
            <input type="hidden" name="back" value="/staff/sources" />
            <label htmlFor="code" className="mt-3 block font-semibold">
              Code (ex. databroker-x)
            </label>
            <input id="code" name="code" required className={fieldClass} />
            <label htmlFor="name" className="mt-3 block font-semibold">
              Raison sociale
            </label>
            <input id="name" name="name" required className={fieldClass} />
            <label htmlFor="kind" className="mt-3 block font-semibold">
              Nature
            </label>
            <select id="kind" name="kind" defaultValue="broker" className={fieldClass}>
              <option value="broker">Courtier en fichiers</option>
              <option value="partner">Partenaire</option>
            </select>
            <label htmlFor="registration" className="mt-3 block font-semibold">
              N° RC ou ANRT (facultatif)
            </label>
            <input id="registration" name="registration" className={fieldClass} />
            <label htmlFor="contact" className="mt-3 block font-semibold">
              Contact (facultatif)
            </label>
            <input id="contact" name="contact" className={fieldClass} />
            <button type="submit" className={`${buttonClass} mt-4`}>
              Enregistrer
            </button>
          </form>
        </section>
      )}
    </>
  );
}
