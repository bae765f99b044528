import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DataTable } from "@/components/staff/data-table";
import { FlashMessage } from "@/components/staff/flash-message";
import { kindLabel } from "@/components/staff/source-table";
import {
  buttonClass,
  fieldClass,
  formatDate,
  formatDecimal,
  formatNumber,
  secondaryButtonClass,
} from "@/components/staff/ui";
import { currentStaff } from "@/lib/auth/require-staff";
import { signedInStaff } from "@/lib/auth/signed-in-staff";
import { readSourceDetail } from "@/lib/sources/read-source-stats";

export const metadata: Metadata = { title: "Source de fichiers" };

const percent = (rate: number | null) => (rate === null ? "—" : `${formatDecimal(rate * 100)} %`);

export default async function SourcePage({ params }: { params: Promise<{ code: string }> }) {
  await signedInStaff();
  const { code } = await params;
  const [detail, staff] = await Promise.all([readSourceDetail(code), currentStaff()]);
  if (!detail) notFound();
  const { stats: s, uses } = detail;
  const back = `/staff/sources/${s.code}`;
  const figures: [string, string][] = [
    ["Nature", kindLabel(s.kind)],
    ["N° RC ou ANRT", s.registration ?? "—"],
    ["Contact", s.contact ?? "—"],
    ["État", s.suspendedAt ? `suspendue depuis le ${formatDate(s.suspendedAt)}` : "active"],
    ["Campagnes qui la déclarent", formatNumber(s.campaigns)],
    ["Expéditeurs", formatNumber(s.senders)],
    ["Fournisseurs", formatNumber(s.providers)],
    ["Numéros démarchés (liens émis)", formatNumber(s.numbers)],
    ["Refus de la source en vigueur", `${formatNumber(s.refusals)} (${percent(s.refusalRate)})`],
    ["Signalements « sans consentement »", `${formatNumber(s.noConsentComplaints)} (${percent(s.noConsentRate)})`],
  ];
  return (
    <>
      <h1 className="text-2xl font-bold">
        {s.name} <span className="font-mono text-base font-normal">{s.code}</span>
      </h1>
      <FlashMessage />
      <dl className="mt-4 grid max-w-3xl grid-cols-1 gap-x-6 sm:grid-cols-2">
        {figures.map(([label, value]) => (
          <div key={label} className="border-b border-slate-200 py-2">
            <dt className="text-sm text-slate-700">{label}</dt>
            <dd className="font-semibold">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-6">
        <DataTable
          caption="Qui utilise ces numéros"
          testId="source-uses"
          rows={uses}
          rowKey={(u) => `${u.sender}-${u.provider}`}
          empty="Aucune campagne ne déclare cette source."
          columns={[
            { header: "Expéditeur", cell: (u) => u.senderName },
            { header: "Fournisseur", cell: (u) => u.provider },
            { header: "Campagnes", numeric: true, cell: (u) => formatNumber(u.campaigns) },
            { header: "Numéros", numeric: true, cell: (u) => formatNumber(u.numbers) },
            { header: "Sans consentement", numeric: true, cell: (u) => formatNumber(u.noConsentComplaints) },
          ]}
        />
      </div>
      {staff?.role === "admin" && (
        <section className="mt-8 max-w-xl" aria-labelledby="edit-source">
          <h2 id="edit-source" className="text-xl font-semibold">
            Modifier
          </h2>
          <form method="post" action="/staff/actions/source-update">
            <input type="hidden" name="back" value={back} />
            <input type="hidden" name="code" value={s.code} />
            <label htmlFor="name" className="mt-3 block font-semibold">
              Raison sociale
            </label>
            <input id="name" name="name" required defaultValue={s.name} className={fieldClass} />
            <label htmlFor="kind" className="mt-3 block font-semibold">
              Nature
            </label>
            <select id="kind" name="kind" defaultValue={s.kind} className={fieldClass}>
              <option value="broker">Courtier en fichiers</option>
              <option value="partner">Partenaire</option>
            </select>
            <label htmlFor="registration" className="mt-3 block font-semibold">
              N° RC ou ANRT
            </label>
            <input id="registration" name="registration" defaultValue={s.registration ?? ""} className={fieldClass} />
            <label htmlFor="contact" className="mt-3 block font-semibold">
              Contact
            </label>
            <input id="contact" name="contact" defaultValue={s.contact ?? ""} className={fieldClass} />
            <button type="submit" className={`${buttonClass} mt-4`}>
              Enregistrer
            </button>
          </form>
          <form
            method="post"
            action={`/staff/actions/${s.suspendedAt ? "source-resume" : "source-suspend"}`}
            className="mt-6"
          >
            <input type="hidden" name="back" value={back} />
            <input type="hidden" name="code" value={s.code} />
            <p>
              {s.suspendedAt
                ? "Les campagnes pourront de nouveau déclarer cette source."
                : "Aucune nouvelle campagne ne pourra déclarer cette source ; les refus restent en vigueur."}
            </p>
            <button type="submit" className={`${secondaryButtonClass} mt-2`}>
              {s.suspendedAt ? "Lever la suspension" : "Suspendre la source"}
            </button>
          </form>
        </section>
      )}
    </>
  );
}
