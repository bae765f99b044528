import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FlashMessage } from "@/components/staff/flash-message";
import { HeldNumberEvents } from "@/components/staff/held-number-events";
import { buttonClass, formatDateTime } from "@/components/staff/ui";
import { requireStaff } from "@/lib/auth/require-staff";
import { DomainError } from "@/lib/errors";
import { openIntegrityAlert } from "@/lib/integrity/integrity-alerts";
import { signedInStaff } from "@/lib/auth/signed-in-staff";

export const metadata: Metadata = { title: "Alerte d'intégrité" };

type Props = { params: Promise<{ id: string }> };

export default async function IntegrityAlertPage({ params }: Props) {
  await signedInStaff();
  const { id } = await params;
  const { actor } = await requireStaff();
  const alert = await openIntegrityAlert(actor, id).catch((error: unknown) => {
    if (error instanceof DomainError && error.status === 404) notFound();
    throw error;
  });
  if (alert.kind === "number-events-held") return <HeldNumberEvents alert={alert} />;
  const facts: [string, React.ReactNode][] = [
    ["Liste d'où viennent les numéros témoins", `${alert.listProvider.name} (${alert.listProvider.slug})`],
    ["Appel reçu de", `${alert.caller.name} (${alert.caller.slug})`],
    [
      "Clé qui a signé l'appel",
      <span key="k" className="font-mono">
        {alert.keyid}
      </span>,
    ],
    [
      "Appel",
      <span key="e" className="font-mono">
        {alert.endpoint}
      </span>,
    ],
    ["Date (heure du Maroc)", formatDateTime(alert.at)],
    [
      "Détails de l'appel",
      <span key="d" className="font-mono text-sm">
        {JSON.stringify(alert.details)}
      </span>,
    ],
    [
      "Numéros témoins présents",
      <ul key="p" className="font-mono" dir="ltr">
        {alert.phones.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>,
    ],
  ];
  return (
    <>
      <p>
        <Link className="text-brand-800 underline" href="/staff/integrity">
          ← Alertes d&apos;intégrité
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">Alerte d&apos;intégrité n° {alert.id}</h1>
      <FlashMessage />
      <p className="mt-2 max-w-3xl">
        Ces numéros n&apos;appartiennent à personne : ils ne figurent que dans la liste d&apos;oppositions remise à{" "}
        {alert.listProvider.name}. Leur présence dans cet appel montre que cette liste a été utilisée pour envoyer, ou
        préparer l&apos;envoi, de SMS. L&apos;appel a reçu une réponse normale.
      </p>
      <dl
        className="mt-4 max-w-3xl divide-y divide-slate-200 rounded border border-slate-200"
        data-testid="alert-evidence"
      >
        {facts.map(([label, value]) => (
          <div key={label} className="grid gap-1 p-3 sm:grid-cols-3">
            <dt className="font-semibold">{label}</dt>
            <dd className="sm:col-span-2">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-4">
        <a className="text-brand-800 underline" href={`/staff/evidence/integrity/${alert.id}`} download>
          Dossier de preuve signé (JSON)
        </a>
      </p>
      {alert.reviewedAt ? (
        <p className="mt-4">
          Examinée le {formatDateTime(alert.reviewedAt)} par {alert.reviewedBy}.
        </p>
      ) : (
        <form method="post" action="/staff/actions/integrity-alert-review" className="mt-4">
          <input type="hidden" name="id" value={alert.id} />
          <input type="hidden" name="back" value={`/staff/integrity/${alert.id}`} />
          <button type="submit" className={buttonClass}>
            Marquer comme examinée
          </button>
        </form>
      )}
    </>
  );
}
