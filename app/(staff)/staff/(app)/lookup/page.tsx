import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { DataTable } from "@/components/staff/data-table";
import { FlashMessage } from "@/components/staff/flash-message";
import { buttonClass, fieldClass, formatDateTime, secondaryButtonClass } from "@/components/staff/ui";
import { requireStaff } from "@/lib/auth/require-staff";
import { signedInStaff } from "@/lib/auth/signed-in-staff";
import { REASON_LABELS, STATUS_LABELS, VERDICT_LABELS, labelOf } from "@/lib/complaints/labels.fr";
import { CHANNEL_LABELS } from "@/lib/oppositions/labels.fr";
import { lookUpNumber } from "@/lib/numbers/look-up-number";
import { formatPhone } from "@/lib/phone/format-phone";
import { parseLookup, STAFF_LOOKUP_COOKIE } from "@/lib/web/staff-lookup";

export const metadata: Metadata = { title: "Fiche d'un numéro" };

const SCOPE: Record<string, string> = { all: "tous les expéditeurs", sender: "un expéditeur", source: "un fichier" };
const ENDED: Record<string, string> = {
  withdrawn: "retirée par le titulaire",
  "number-disconnected": "numéro résilié",
};
const EVENTS: Record<string, string> = { disconnected: "résilié", reinstated: "rétabli", ported: "porté" };
const scopeOf = (x: { scope: string; target: string | null }) =>
  x.target ? `${SCOPE[x.scope]} : ${x.target}` : SCOPE[x.scope];
const when = (date: Date | null) => (date ? formatDateTime(date) : "—");

export default async function NumberLookupPage() {
  await signedInStaff();
  const staff = await requireStaff();
  const phone = parseLookup((await cookies()).get(STAFF_LOOKUP_COOKIE)?.value);
  const file = phone ? await lookUpNumber(staff.actor, phone) : null;
  return (
    <>
      <h1 className="text-2xl font-bold">Fiche d&apos;un numéro</h1>
      <FlashMessage />
      <p className="mt-2 max-w-3xl">
        Pour répondre à un citoyen : ses oppositions, ses reçus, ses signalements, les événements déclarés par son
        opérateur et les codes de vérification envoyés. Chaque consultation est inscrite au journal d&apos;audit ; le
        numéro n&apos;apparaît jamais dans l&apos;adresse de la page.
      </p>
      <form method="post" action="/staff/lookup/submit" className="mt-4 flex max-w-xl flex-wrap items-end gap-2">
        <div className="grow">
          <label htmlFor="phone" className="font-semibold">
            Numéro
          </label>
          <input id="phone" name="phone" autoComplete="off" className={fieldClass} dir="ltr" inputMode="tel" />
        </div>
        <button type="submit" className={buttonClass}>
          Consulter
        </button>
      </form>
      {file && (
        <>
          <div className="mt-6 flex flex-wrap items-center gap-3">
            <h2 className="text-xl font-semibold" data-testid="lookup-phone">
              <span dir="ltr">{formatPhone(file.phone)}</span>
            </h2>
            <form method="post" action="/staff/lookup/submit">
              <input type="hidden" name="clear" value="1" />
              <button type="submit" className={secondaryButtonClass}>
                Fermer la fiche
              </button>
            </form>
          </div>
          <Section title="Oppositions">
            <DataTable
              caption="Oppositions du numéro"
              testId="lookup-oppositions"
              rows={file.oppositions}
              rowKey={(o) => o.id}
              empty="Aucune opposition."
              columns={[
                { header: "Portée", cell: scopeOf },
                {
                  header: "Par",
                  cell: (o) => `${labelOf(CHANNEL_LABELS, o.source)}${o.verified ? " (numéro vérifié)" : ""}`,
                },
                { header: "Enregistrée le", cell: (o) => when(o.recordedAt) },
                {
                  header: "État",
                  cell: (o) =>
                    o.endedAt
                      ? `terminée le ${when(o.endedAt)} (${ENDED[o.endedReason ?? ""] ?? o.endedReason})`
                      : "en vigueur",
                },
                { header: "Reçu", cell: (o) => <span className="whitespace-nowrap font-mono">{o.receiptId}</span> },
                {
                  header: "Action",
                  cell: (o) =>
                    o.restorable && staff.role === "admin" ? (
                      <form method="post" action="/staff/actions/opposition-restore">
                        <input type="hidden" name="id" value={o.id} />
                        <input type="hidden" name="back" value="/staff/lookup" />
                        <button type="submit" className={buttonClass}>
                          Rétablir
                        </button>
                      </form>
                    ) : (
                      "—"
                    ),
                },
              ]}
            />
          </Section>
          <Section title="Reçus">
            <DataTable
              caption="Reçus délivrés pour ce numéro"
              testId="lookup-receipts"
              rows={file.receipts}
              rowKey={(r) => r.id}
              empty="Aucun reçu."
              columns={[
                { header: "Reçu", cell: (r) => <span className="whitespace-nowrap font-mono">{r.id}</span> },
                { header: "Acte", cell: (r) => (r.op === "add" ? "opposition" : "retrait") },
                { header: "Portée", cell: scopeOf },
                { header: "Le", cell: (r) => when(r.at) },
              ]}
            />
          </Section>
          <Section title="Signalements">
            <DataTable
              caption="Signalements faits avec ce numéro"
              testId="lookup-complaints"
              rows={file.complaints}
              rowKey={(c) => c.id}
              empty="Aucun signalement."
              columns={[
                {
                  header: "Référence",
                  cell: (c) => (
                    <a href={`/staff/complaints/${c.id}`} className="whitespace-nowrap font-mono underline">
                      {c.id}
                    </a>
                  ),
                },
                { header: "Motif", cell: (c) => labelOf(REASON_LABELS, c.reason) },
                { header: "Expéditeur tel qu'affiché", cell: (c) => <bdi>{c.senderSeen}</bdi> },
                { header: "Le", cell: (c) => when(c.at) },
                { header: "Verdict", cell: (c) => labelOf(VERDICT_LABELS, c.verdict) },
                { header: "Statut", cell: (c) => labelOf(STATUS_LABELS, c.status) },
              ]}
            />
          </Section>
          <Section title="Événements déclarés par les opérateurs">
            <DataTable
              caption="Événements du numéro"
              testId="lookup-events"
              rows={file.events.map((event, index) => ({ ...event, index }))}
              rowKey={(e) => String(e.index)}
              empty="Aucun événement."
              columns={[
                { header: "Événement", cell: (e) => EVENTS[e.event] ?? e.event },
                { header: "Survenu le", cell: (e) => when(e.at) },
                { header: "Reçu le", cell: (e) => when(e.receivedAt) },
                {
                  header: "Opérateur (clé)",
                  cell: (e) => (
                    <>
                      {e.operator} <span className="font-mono text-xs">({e.keyid})</span>
                    </>
                  ),
                },
                {
                  header: "Effet",
                  cell: (e) =>
                    e.ended
                      ? `${e.ended} opposition${e.ended > 1 ? "s" : ""} terminée${e.ended > 1 ? "s" : ""}`
                      : e.restored
                        ? `${e.restored} opposition${e.restored > 1 ? "s" : ""} rétablie${e.restored > 1 ? "s" : ""}`
                        : "—",
                },
              ]}
            />
          </Section>
          <Section title="Codes de vérification envoyés">
            <DataTable
              caption="Codes envoyés à ce numéro (le code lui-même n'est jamais conservé)"
              testId="lookup-codes"
              rows={file.codes.map((code, index) => ({ ...code, index }))}
              rowKey={(c) => String(c.index)}
              empty="Aucun code envoyé."
              columns={[
                { header: "Envoyé le", cell: (c) => when(c.at) },
                { header: "Valable jusqu'au", cell: (c) => when(c.expiresAt) },
                { header: "Essais", numeric: true, cell: (c) => String(c.tries) },
                { header: "Utilisé le", cell: (c) => when(c.usedAt) },
              ]}
            />
          </Section>
        </>
      )}
      <p className="mt-8">
        <Link href="/staff/numbers" className="underline">
          Numéros résiliés par les opérateurs, par jour
        </Link>
      </p>
    </>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="mt-6" aria-label={title}>
      <h3 className="text-lg font-semibold">{title}</h3>
      {children}
    </section>
  );
}
