import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FlashMessage } from "@/components/staff/flash-message";
import { buttonClass, fieldClass, formatDateTime, formatDay, formatTimestampsIn } from "@/components/staff/ui";
import { getComplaint } from "@/lib/complaints/list-complaints";
import { nextStatuses } from "@/lib/complaints/update-complaint";
import { maskPhone } from "@/lib/phone/mask-phone";
import type { Fact } from "@/lib/complaints/assess-complaint";
import { ANSWER_LABELS, labelOf, REASON_LABELS, STATUS_LABELS, VERDICT_LABELS } from "@/lib/complaints/labels.fr";
import { signedInStaff } from "@/lib/auth/signed-in-staff";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: `Signalement ${(await params).id}` };
}

type Props = { params: Promise<{ id: string }> };

export default async function ComplaintPage({ params }: Props) {
  await signedInStaff();
  const { id } = await params;
  const complaint = await getComplaint(id);
  if (!complaint) notFound();
  const back = `/staff/complaints/${complaint.id}`;
  const facts = (complaint.facts ?? { reason: "", facts: [] }) as unknown as { reason: string; facts: Fact[] };
  return (
    <>
      <p>
        <Link href="/staff/complaints" className="text-brand-800 underline">
          ← Signalements
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">
        Signalement <span className="font-mono">{complaint.id}</span>
      </h1>
      <FlashMessage />
      <dl className="mt-4 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">Statut</dt>
        <dd data-testid="complaint-status">{STATUS_LABELS[complaint.status]}</dd>
        <dt className="font-semibold">Motif</dt>
        <dd>{REASON_LABELS[complaint.reason]}</dd>
        <dt className="font-semibold">Expéditeur affiché</dt>
        <dd dir="auto">{complaint.senderSeen}</dd>
        <dt className="font-semibold">Expéditeur enregistré</dt>
        <dd>
          {complaint.sender ? (
            <>
              {complaint.sender.name} ·{" "}
              <Link className="text-brand-800 underline" href="/staff?range=90d#senders">
                statistiques
              </Link>{" "}
              ·{" "}
              <Link className="text-brand-800 underline" href={`/staff/complaints?sender=${complaint.sender.code}`}>
                autres signalements
              </Link>
            </>
          ) : (
            "non identifié"
          )}
        </dd>
        <dt className="font-semibold">SMS reçu le</dt>
        <dd>{formatDay(complaint.receivedAt.toISOString().slice(0, 10))}</dd>
        <dt className="font-semibold">Numéro</dt>
        <dd dir="ltr">{complaint.phone ? maskPhone(complaint.phone) : "non communiqué"}</dd>
        <dt className="font-semibold">Signalé le</dt>
        <dd>{formatDateTime(complaint.createdAt)}</dd>
        <dt className="font-semibold">Émetteur affiché</dt>
        <dd dir="ltr">
          {complaint.originator ?? "—"}
          {complaint.originatorPhone && ` (${complaint.originatorPhone})`}
        </dd>
        <dt className="font-semibold">Lien StopSMS</dt>
        <dd>
          {complaint.linkCode ? <span className="font-mono">{complaint.linkCode}</span> : "—"}
          {complaint.verified && " · réception prouvée par le lien"}
        </dd>
        <dt className="font-semibold">Opérateur d&apos;envoi</dt>
        <dd>{complaint.provider ? complaint.provider.name : "—"}</dd>
      </dl>

      <section aria-labelledby="verdict" className="mt-6">
        <h2 id="verdict" className="text-xl font-semibold">
          Verdict
        </h2>
        <p className="mt-2" data-testid="complaint-verdict">
          <strong className={complaint.verdict === "violation" ? "text-red-800" : undefined}>
            {labelOf(VERDICT_LABELS, complaint.verdict ?? "undetermined")}
          </strong>{" "}
          — {facts.reason}
        </p>
        <h3 className="mt-3 font-semibold">Chronologie des faits</h3>
        <ol className="mt-2 space-y-1 border-s-2 border-slate-300 ps-4" data-testid="complaint-timeline">
          {facts.facts.map((f) => (
            <li key={f.key}>
              <span className="font-semibold">{f.label}</span> :{" "}
              {typeof f.value === "string" ? formatTimestampsIn(f.value) : (f.value ?? "jamais")}
              {f.source && (
                <span className="text-slate-600">
                  {" "}
                  · source : {f.source.table} {f.source.id}
                </span>
              )}
            </li>
          ))}
        </ol>
        <p className="mt-3 flex flex-wrap gap-4">
          <a className="text-brand-800 underline" href={`/staff/evidence/complaints/${complaint.id}`} download>
            Dossier de preuve signé (JSON)
          </a>
          <a
            className="text-brand-800 underline"
            href={`/staff/evidence/complaints/${complaint.id}?format=pdf`}
            download
          >
            Dossier de preuve (PDF)
          </a>
        </p>
      </section>

      <section aria-labelledby="answer" className="mt-6">
        <h2 id="answer" className="text-xl font-semibold">
          Réponse de l&apos;opérateur
        </h2>
        {complaint.reportedTimes > 1 && (
          <p className="mt-2 font-semibold" data-testid="reported-again">
            Le même lien a été signalé {complaint.reportedTimes} fois (une seule plainte).
          </p>
        )}
        {complaint.respondedAt ? (
          <p className="mt-2" data-testid="complaint-answer">
            {labelOf(ANSWER_LABELS, complaint.responseAction)} le {formatDateTime(complaint.respondedAt)} (clé{" "}
            {complaint.responseKeyid})
            {complaint.respondBy && complaint.respondedAt > complaint.respondBy && (
              <strong className="ms-2 text-red-800">EN RETARD</strong>
            )}
            {complaint.responseText && (
              <span className="mt-1 block whitespace-pre-wrap rounded border border-slate-200 p-2">
                {complaint.responseText}
              </span>
            )}
          </p>
        ) : (
          <p className="mt-2" data-testid="complaint-answer">
            Pas encore de réponse
            {complaint.respondBy && (
              <>
                {" "}
                · attendue avant le {formatDateTime(complaint.respondBy)}
                {complaint.respondBy < new Date() && <strong className="ms-2 text-red-800">EN RETARD</strong>}
              </>
            )}
            {complaint.deadlineMissedAt && (
              <span className="block text-sm">
                Délai constaté dépassé le {formatDateTime(complaint.deadlineMissedAt)}.
              </span>
            )}
          </p>
        )}
      </section>
      {complaint.answers.length > 0 && (
        <section aria-labelledby="answers" className="mt-6">
          <h2 id="answers" className="text-xl font-semibold">
            Toutes les réponses reçues ({complaint.answers.length})
          </h2>
          <ol className="mt-2 space-y-2" data-testid="complaint-answers">
            {complaint.answers.map((a) => (
              <li key={String(a.id)} className="rounded border border-slate-200 p-2">
                {labelOf(ANSWER_LABELS, a.action)} le {formatDateTime(a.answeredAt)} (clé{" "}
                <span className="font-mono">{a.keyid}</span>)
                {a.late && <strong className="ms-2 text-red-800">EN RETARD</strong>}
                {a.text && <span className="mt-1 block whitespace-pre-wrap">{a.text}</span>}
              </li>
            ))}
          </ol>
        </section>
      )}
      <h2 className="mt-6 text-xl font-semibold">Texte du SMS</h2>
      <blockquote dir="auto" className="mt-2 whitespace-pre-wrap rounded border border-slate-200 p-3">
        {complaint.messageText}
      </blockquote>

      <h2 className="mt-6 text-xl font-semibold">Traitement</h2>
      <form method="post" action="/staff/actions/complaint-status" className="mt-2 max-w-xl">
        <input type="hidden" name="id" value={complaint.id} />
        <input type="hidden" name="back" value={back} />
        <label htmlFor="status" className="block font-semibold">
          Nouveau statut
        </label>
        <select id="status" name="status" className={fieldClass} required>
          {nextStatuses(complaint.status).map((s) => (
            <option key={s} value={s}>
              {labelOf(STATUS_LABELS, s)}
            </option>
          ))}
        </select>
        <label htmlFor="status-note" className="mt-3 block font-semibold">
          Note (facultative)
        </label>
        <textarea id="status-note" name="note" rows={3} className={fieldClass} />
        <button type="submit" className={`${buttonClass} mt-3`}>
          Changer le statut
        </button>
      </form>

      <h2 className="mt-6 text-xl font-semibold">Notes</h2>
      <ul className="mt-2 space-y-2">
        {complaint.notes.map((n) => (
          <li key={n.id} className="rounded border border-slate-200 p-3">
            <p className="text-sm text-slate-700">
              {n.author.email} · {formatDateTime(n.createdAt)}
            </p>
            <p className="whitespace-pre-wrap">{n.body}</p>
          </li>
        ))}
      </ul>
      <form method="post" action="/staff/actions/complaint-note" className="mt-3 max-w-xl">
        <input type="hidden" name="id" value={complaint.id} />
        <input type="hidden" name="back" value={back} />
        <label htmlFor="note" className="block font-semibold">
          Ajouter une note
        </label>
        <textarea id="note" name="note" rows={3} className={fieldClass} required />
        <button type="submit" className={`${buttonClass} mt-3`}>
          Ajouter
        </button>
      </form>
    </>
  );
}
