import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FlashMessage } from "@/components/staff/flash-message";
import { FieldError } from "@/components/staff/field-error";
import { SenderCheckboxes } from "@/components/staff/sender-checkboxes";
import { keptForm } from "@/components/staff/kept-form";
import { DataTable } from "@/components/staff/data-table";
import {
  buttonClass,
  fieldClass,
  formatDateTime,
  formatNumber,
  dangerSecondaryButtonClass,
  secondaryButtonClass,
} from "@/components/staff/ui";
import { currentStaff } from "@/lib/auth/require-staff";
import { NumberRanges } from "@/components/staff/number-ranges";
import { listNumberRanges } from "@/lib/numbers/number-ranges";
import { getProvider, listAccessLog, listSenders } from "@/lib/providers/get-registry";
import { readGateStatus } from "@/lib/providers/read-gate-status";
import { signedInStaff } from "@/lib/auth/signed-in-staff";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  return { title: `Fournisseur ${(await params).slug}` };
}

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ senders?: string }> };

export default async function ProviderPage({ params, searchParams }: Props) {
  await signedInStaff();
  const [{ slug }, staff, query] = await Promise.all([params, currentStaff(), searchParams]);
  const senderFilter = (query.senders ?? "").trim().slice(0, 100);
  const provider = await getProvider(slug);
  if (!provider) notFound();
  const actor = staff ? ({ kind: "staff", id: staff.id, email: staff.email } as const) : null;
  const [log, senders, ranges, gate, kept] = await Promise.all([
    listAccessLog(slug),
    listSenders(),
    provider.kind === "operator" && actor ? listNumberRanges(actor, slug) : null,
    readGateStatus(provider.id),
    keptForm("provider-key-add"),
  ]);
  const admin = staff?.role === "admin";
  const back = `/staff/providers/${provider.slug}`;
  const linked = new Set(provider.senders.map((s) => s.sender.code));
  const needle = senderFilter.toLowerCase();
  const linkable = senders.filter(
    (s) => !linked.has(s.code) && (!needle || s.code.includes(needle) || s.name.toLowerCase().includes(needle)),
  );
  return (
    <>
      <p>
        <Link href="/staff/providers" className="text-brand-800 underline">
          ← Fournisseurs
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{provider.name}</h1>
      <p className="text-slate-700">
        {/* The number already says ANRT ("ANRT/VAS/2026-001"): no label repeating it. */}
        {provider.slug} · déclaration {provider.anrtNumber} · {provider.status === "active" ? "Actif" : "Suspendu"}
      </p>
      <p className="mt-1" data-testid="gate-status">
        {gate
          ? `Passerelle StopSMS : version ${gate.version}, dernier appel le ${formatDateTime(gate.lastSeen)}${
              gate.listCurrentAt
                ? `, liste à jour au ${formatDateTime(gate.listCurrentAt)}`
                : ", liste jamais mise à jour"
            }.`
          : "Passerelle StopSMS : non utilisée (aucun appel de stopsms-gate ces 7 derniers jours)."}
      </p>
      <FlashMessage />
      <form
        method="get"
        action={`/staff/evidence/providers/${provider.slug}`}
        className="mt-4 flex flex-wrap items-end gap-3"
        aria-label="Dossier de preuve"
      >
        <div>
          <label htmlFor="evidence-from" className="block text-sm font-semibold">
            Signalements du
          </label>
          <input id="evidence-from" name="from" type="date" className={fieldClass} required />
        </div>
        <div>
          <label htmlFor="evidence-to" className="block text-sm font-semibold">
            au
          </label>
          <input id="evidence-to" name="to" type="date" className={fieldClass} required />
        </div>
        <label className="flex min-h-11 items-center gap-2 text-sm">
          <input type="checkbox" name="format" value="pdf" /> en PDF
        </label>
        <button type="submit" className={secondaryButtonClass}>
          Dossier de preuve signé
        </button>
      </form>

      {admin && (
        <form method="post" action="/staff/actions/provider-update" className="mt-4 grid max-w-xl gap-2">
          <input type="hidden" name="slug" value={provider.slug} />
          <input type="hidden" name="back" value={back} />
          <input type="hidden" name="currentStatus" value={provider.status} />
          <label htmlFor="name" className="font-semibold">
            Raison sociale
          </label>
          <input id="name" name="name" defaultValue={provider.name} className={fieldClass} />
          <label htmlFor="contact" className="font-semibold">
            Contact technique
          </label>
          <input id="contact" name="contact" defaultValue={provider.contact ?? ""} className={fieldClass} />
          <label htmlFor="status" className="font-semibold">
            Statut
          </label>
          <select id="status" name="status" defaultValue={provider.status} className={fieldClass}>
            <option value="active">Actif</option>
            <option value="suspended">Suspendu (toutes ses requêtes sont refusées)</option>
          </select>
          <button type="submit" className={`${buttonClass} mt-2 justify-self-start`}>
            Enregistrer
          </button>
        </form>
      )}

      <h2 className="mt-8 text-xl font-semibold">Clés publiques</h2>
      <DataTable
        caption={`Clés publiques de ${provider.name}`}
        rows={provider.keys}
        rowKey={(k) => String(k.id)}
        empty="Aucune clé : ce fournisseur ne peut pas encore signer ses appels."
        columns={[
          { header: "Identifiant", cell: (k) => <span className="font-mono">{k.keyid}</span> },
          { header: "Ajoutée", cell: (k) => formatDateTime(k.createdAt) },
          {
            header: "État",
            testId: (k) => `key-state-${k.keyid}`,
            cell: (k) => (k.revokedAt ? `Révoquée le ${formatDateTime(k.revokedAt)}` : "Active"),
          },
          ...(admin
            ? [
                {
                  header: "Action",
                  cell: (k: (typeof provider.keys)[number]) =>
                    !k.revokedAt && (
                      <form method="post" action="/staff/actions/provider-key-revoke">
                        <input type="hidden" name="keyid" value={k.keyid} />
                        <input type="hidden" name="back" value={back} />
                        <button
                          type="submit"
                          className={dangerSecondaryButtonClass}
                          aria-label={`Révoquer la clé ${k.keyid}`}
                        >
                          Révoquer
                        </button>
                      </form>
                    ),
                },
              ]
            : []),
        ]}
      />
      {admin && (
        <form method="post" action="/staff/actions/provider-key-add" className="mt-4 grid max-w-xl gap-2" noValidate>
          <input type="hidden" name="slug" value={provider.slug} />
          <input type="hidden" name="back" value={back} />
          <label htmlFor="keyid" className="font-semibold">
            Identifiant de la nouvelle clé
          </label>
          <FieldError id="keyid" message={kept.error("keyid")} />
          <input
            id="keyid"
            name="keyid"
            required
            placeholder={`${provider.slug}-2026-01`}
            defaultValue={kept.value("keyid")}
            className={`${fieldClass} aria-[invalid=true]:border-red-700`}
            {...kept.invalid("keyid", "keyid")}
          />
          <label htmlFor="publicKeyPem" className="font-semibold">
            Clé publique Ed25519 (PEM, -----BEGIN PUBLIC KEY-----)
          </label>
          <FieldError id="publicKeyPem" message={kept.error("publicKeyPem")} />
          <textarea
            id="publicKeyPem"
            name="publicKeyPem"
            rows={4}
            required
            defaultValue={kept.value("publicKeyPem")}
            className={`${fieldClass} font-mono text-xs aria-[invalid=true]:border-red-700`}
            {...kept.invalid("publicKeyPem", "publicKeyPem")}
          />
          <button type="submit" className={`${buttonClass} justify-self-start`}>
            Ajouter la clé
          </button>
        </form>
      )}

      <h2 className="mt-8 text-xl font-semibold">Expéditeurs autorisés</h2>
      <ul className="mt-2 list-disc ps-6">
        {provider.senders.map((s) => (
          <li key={s.senderId}>
            {s.sender.name} ({s.sender.code})
          </li>
        ))}
      </ul>
      {admin && (
        <section aria-labelledby="link-senders" className="mt-3 max-w-xl">
          <h3 id="link-senders" className="font-semibold">
            Rattacher des expéditeurs
          </h3>
          {/* A filter without script: a plain GET of this page narrows the boxes below. */}
          <form method="get" className="mt-2 flex flex-wrap items-end gap-2">
            <div className="grow">
              <label htmlFor="sender-filter" className="block text-sm font-semibold">
                Filtrer par nom ou code
              </label>
              <input id="sender-filter" name="senders" defaultValue={senderFilter} className={fieldClass} />
            </div>
            <button type="submit" className={secondaryButtonClass}>
              Filtrer
            </button>
          </form>
          <form method="post" action="/staff/actions/provider-sender-link" className="mt-2">
            <input type="hidden" name="slug" value={provider.slug} />
            <input type="hidden" name="back" value={back} />
            <SenderCheckboxes
              senders={linkable}
              name="sender"
              legend="Expéditeurs à rattacher"
              empty={`Aucun expéditeur à rattacher${senderFilter ? " ne correspond au filtre" : ""}.`}
            />
            {linkable.length > 0 && (
              <button type="submit" className={`${secondaryButtonClass} mt-2`}>
                Rattacher les expéditeurs cochés
              </button>
            )}
          </form>
        </section>
      )}

      {ranges && <NumberRanges slug={provider.slug} ranges={ranges} admin={admin} back={back} />}

      <h2 className="mt-8 text-xl font-semibold">Journal des appels (200 derniers)</h2>
      <DataTable
        caption={`Journal des appels de ${provider.name}`}
        testId="access-log"
        rows={log}
        rowKey={(a) => String(a.id)}
        empty="Aucun appel : ce fournisseur n'a encore rien récupéré."
        columns={[
          { header: "Date", cell: (a) => formatDateTime(a.at) },
          { header: "Clé", cell: (a) => <span className="font-mono">{a.keyid}</span> },
          { header: "Appel", cell: (a) => a.endpoint },
          { header: "Curseur", numeric: true, cell: (a) => a.cursor ?? "—" },
          { header: "Nombre", numeric: true, cell: (a) => (a.count === null ? "—" : formatNumber(a.count)) },
          { header: "Résultat", cell: (a) => `${a.status}${a.code ? ` ${a.code}` : ""}` },
        ]}
      />
    </>
  );
}
