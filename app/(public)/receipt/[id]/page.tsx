import { senderParams } from "@/lib/i18n/sender-params";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageShell } from "@/components/page-shell";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { formatDateTime } from "@/lib/i18n/translator";
import { isReceiptId } from "@/lib/oppositions/receipt-id";
import { loadReceipt } from "@/lib/oppositions/load-receipt";
import { maskPhone } from "@/lib/phone/mask-phone";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Receipt");
  return { title: t("title"), robots: { index: false } };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ status?: string }> };

export default async function ReceiptPage({ params, searchParams }: Props) {
  const [{ id }, { status }] = await Promise.all([params, searchParams]);
  const receipt = isReceiptId(id) ? await loadReceipt(id) : null;
  if (!receipt) notFound();
  const t = await getTranslations("Receipt");
  const locale = (await getLocale()) as Locale;
  const hours = env().STOPSMS_MAX_LAG_HOURS;
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
    [t("what"), receipt.scope === "all" ? t("whatAll") : t("whatSender", senderParams(receipt.sender?.name ?? ""))],
  ];
  if (receipt.op === "add" && !receipt.endedByDisconnection)
    rows.push([t("deadline"), t("deadlineValue", { date: formatDateTime(locale, deadline), hours })]);
  if (receipt.log) {
    rows.push([
      t("register"),
      <>
        {t("registerValue", { index: String(receipt.log.index) })}
        <code className="block break-all font-mono text-sm" dir="ltr">
          {receipt.log.leaf}
        </code>
        <Link href={`/verify/${receipt.id}`} className="mt-1 inline-block font-semibold text-brand-800 underline">
          {t("verify")}
        </Link>
      </>,
    ]);
  }
  return (
    <PageShell path={`/receipt/${receipt.id}`}>
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
      <p className="mt-3 text-sm text-slate-700">{t("keep")}</p>
      <p className="mt-4">
        {t("changedMind")}{" "}
        <Link href="/number" className="font-semibold text-brand-800 underline">
          {t("manage")}
        </Link>
      </p>
      {receipt.op === "add" && !receipt.endedByDisconnection && (
        <section className="mt-6">
          <h2 className="text-xl font-semibold">{t("complainTitle")}</h2>
          <p className="mt-2">{t("complainBody")}</p>
          <Link
            href={`/report?receipt=${receipt.id}`}
            className="mt-3 inline-block rounded-lg border-2 border-brand-700 px-4 py-3 font-semibold text-brand-800"
          >
            {t("report")}
          </Link>
        </section>
      )}
    </PageShell>
  );
}
