import Link from "next/link";
import { FlashMessage } from "@/components/staff/flash-message";
import { buttonClass, dangerButtonClass, formatDateTime, formatNumber } from "@/components/staff/ui";
import type { IntegrityAlertView } from "@/lib/integrity/integrity-alerts";

/** An operator's number events held past its daily review threshold: what they are, and the admin's decision. */
export function HeldNumberEvents({ alert }: { alert: IntegrityAlertView }) {
  const held = Number(alert.details.held ?? 0);
  const disconnected = Number(alert.details.disconnected ?? 0);
  const threshold = Number(alert.details.threshold ?? 0);
  return (
    <>
      <p>
        <Link className="text-brand-800 underline" href="/staff/integrity">
          ← Alertes d&apos;intégrité
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">Événements de numéros retenus (alerte n° {alert.id})</h1>
      <FlashMessage />
      <p className="mt-2 max-w-3xl">
        {alert.caller.name} a déclaré le {formatDateTime(alert.at)} plus de {formatNumber(threshold)} résiliations dans
        la journée. Les {formatNumber(held)} événements suivants ({formatNumber(disconnected)} résiliations) n&apos;ont
        pas été appliqués : les oppositions de ces numéros restent en vigueur tant qu&apos;un administrateur ne les a
        pas approuvés.
      </p>
      <p className="mt-2">
        Clé : <span className="font-mono">{alert.keyid}</span>. Premiers numéros :{" "}
        <span className="font-mono" dir="ltr">
          {alert.phones.join(", ")}
        </span>
      </p>
      {alert.reviewedAt ? (
        <p className="mt-4">
          Décision prise le {formatDateTime(alert.reviewedAt)} par {alert.reviewedBy}.
        </p>
      ) : (
        <div className="mt-4 flex flex-wrap gap-3">
          <form method="post" action="/staff/actions/number-events-approve">
            <input type="hidden" name="id" value={alert.id} />
            <input type="hidden" name="back" value={`/staff/integrity/${alert.id}`} />
            <button type="submit" className={buttonClass}>
              Appliquer les {formatNumber(held)} événements
            </button>
          </form>
          <form method="post" action="/staff/actions/number-events-reject">
            <input type="hidden" name="id" value={alert.id} />
            <input type="hidden" name="back" value={`/staff/integrity/${alert.id}`} />
            <button type="submit" className={dangerButtonClass}>
              Rejeter : ne rien appliquer
            </button>
          </form>
        </div>
      )}
    </>
  );
}
