import { isolated, senderNodes } from "./sender-nodes";
import type { Locale } from "@/lib/i18n/locales";
import { formatDateTime, translatorIn } from "@/lib/i18n/translator";
import type { loadReceipt } from "@/lib/oppositions/load-receipt";
import { maskPhone } from "@/lib/phone/mask-phone";

export type Receipt = NonNullable<Awaited<ReturnType<typeof loadReceipt>>>;

/** A citizen's receipt: what was recorded, when, the deadline senders have, and what to do next. */
export function ReceiptPage({
  locale,
  receipt,
  status,
  hours,
}: {
  locale: Locale;
  receipt: Receipt;
  status?: string;
  hours: number;
}) {
  const t = translatorIn(locale, "Receipt");
  const deadline = new Date(receipt.createdAt.getTime() + hours * 3_600_000);
  const headline = receipt.endedByDisconnection
    ? t("endedDisconnected", { date: formatDateTime(locale, receipt.endedByDisconnection, false) })
    : receipt.op === "remove"
      ? t("withdrawn")
      : status === "already"
        ? t("already")
        : t("recorded");
  const rows: [string, React.ReactNode][] = [
    [
      t("id"),
      <span key="id" className="font-mono text-lg font-bold" dir="ltr">
        {receipt.id}
      </span>,
    ],
    [t("date"), formatDateTime(locale, receipt.createdAt)],
    [
      t("number"),
      <span key="n" dir="ltr">
        {maskPhone(receipt.phone)}
      </span>,
    ],
    // A withdrawal has its own words: nothing is stopped by it, the sender may write again (with consent).
    [
      receipt.op === "remove" ? t("whatWithdrawn") : t("what"),
      receipt.scope === "all"
        ? t("whatAll")
        : receipt.scope === "source"
          ? t.rich("whatSource", isolated({ source: receipt.listSource?.name ?? "" }))
          : t.rich("whatSender", senderNodes(receipt.sender?.name ?? "")),
    ],
  ];
  if (receipt.op === "add" && !receipt.endedByDisconnection)
    rows.push([t("deadline"), t("deadlineValue", { date: formatDateTime(locale, deadline), hours })]);
  if (receipt.proofHidden) rows.push([t("register"), t("registerHidden")]);
  if (receipt.log) {
    rows.push([
      t("register"),
      <>
        {t("registerValue", { index: String(receipt.log.index) })}
        <code className="block break-all font-mono text-sm" dir="ltr">
          {receipt.log.leaf}
        </code>
        <a href={`/verify/${receipt.id}`} className="mt-1 inline-block font-semibold text-brand-800 underline">
          {t("verify")}
        </a>
      </>,
    ]);
  }
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-800">{t("title")}</h1>
      <p role="status" className="mt-4 rounded border-s-4 border-brand-700 bg-brand-50 p-3 font-semibold">
        {headline}
      </p>
      <dl className="mt-4 divide-y divide-slate-200 rounded border border-slate-200">
        {rows.map(([label, value]) => (
          <div key={label} className="grid gap-1 p-3 sm:grid-cols-3">
            <dt className="text-sm text-slate-700">{label}</dt>
            <dd className="sm:col-span-2">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-sm text-slate-700">{receipt.op === "remove" ? t("keepWithdrawn") : t("keep")}</p>
      <p className="mt-1 text-sm text-slate-700 print:hidden">{t("keepHow")}</p>
      <p className="mt-4 print:hidden">
        {t("changedMind")}{" "}
        <a href="/number" className="font-semibold text-brand-800 underline">
          {t("manage")}
        </a>
      </p>
      {receipt.op === "add" && !receipt.endedByDisconnection && (
        <section className="mt-6 print:hidden">
          <h2 className="text-xl font-semibold">{t("complainTitle")}</h2>
          <p className="mt-2">{t("complainBody")}</p>
          <a
            href={`/report?receipt=${receipt.id}`}
            className="mt-3 inline-block rounded-lg border-2 border-brand-700 px-4 py-3 font-semibold text-brand-800"
          >
            {t("report")}
          </a>
        </section>
      )}
    </>
  );
}
