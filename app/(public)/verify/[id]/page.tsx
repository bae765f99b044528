import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageShell } from "@/components/page-shell";
import type { Locale } from "@/lib/i18n/locales";
import { numberFormat as numberFormatFor } from "@/lib/i18n/number-format";
import { formatDateTime } from "@/lib/i18n/translator";
import { isReceiptId } from "@/lib/oppositions/receipt-id";
import { proveReceipt } from "@/lib/transparency-log/prove-receipt";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Verify");
  return { title: t("title"), robots: { index: false } };
}

type Props = { params: Promise<{ id: string }> };

const hash = (value: string) => (
  <code className="block break-all font-mono text-sm" dir="ltr">
    {value}
  </code>
);

/** The public check of a receipt in the transparency log, in plain words (RFC 9162 inclusion proof). */
export default async function VerifyReceiptPage({ params }: Props) {
  const { id } = await params;
  const proof = isReceiptId(id) ? await proveReceipt(id) : null;
  if (!proof) notFound();
  const t = await getTranslations("Verify");
  const locale = (await getLocale()) as Locale;
  const number = (n: number) => numberFormatFor(locale).format(n);
  const api = `/api/v1/log/inclusion?index=${proof.index}&size=${proof.treeSize}`;
  return (
    <PageShell path={`/verify/${proof.receipt.id}`}>
      <h1 className="text-2xl font-bold text-brand-800">{t("title")}</h1>
      <p className="mt-2">{t("intro")}</p>
      <p
        role="status"
        className={`mt-4 rounded border-s-4 p-3 font-semibold ${proof.verified ? "border-brand-700 bg-brand-50" : "border-red-700 bg-red-50 text-red-900"}`}
      >
        {proof.verified
          ? t("verified", {
              receipt: proof.receipt.id,
              index: number(proof.index),
              size: number(proof.treeSize),
              count: proof.treeSize,
            })
          : t("notVerified")}
      </p>
      <dl className="mt-4 divide-y divide-slate-200 rounded border border-slate-200">
        <div className="grid gap-1 p-3">
          <dt className="text-sm text-slate-700">{t("entry")}</dt>
          <dd>{t("entryValue", { index: number(proof.index) })}</dd>
        </div>
        <div className="grid gap-1 p-3">
          <dt className="text-sm text-slate-700">{t("leaf")}</dt>
          <dd>{hash(proof.leaf)}</dd>
        </div>
        <div className="grid gap-1 p-3">
          <dt className="text-sm text-slate-700">{t("treeHead", { date: formatDateTime(locale, proof.at) })}</dt>
          <dd>
            {t("treeHeadValue", { size: number(proof.treeSize), count: proof.treeSize })}
            {hash(proof.root)}
          </dd>
        </div>
      </dl>
      <section className="mt-6">
        <h2 className="text-xl font-semibold">{t("howTitle")}</h2>
        <p className="mt-2 leading-relaxed">{t("how", { steps: proof.path.length })}</p>
        <details className="mt-3">
          <summary className="cursor-pointer font-semibold text-brand-800 underline">
            {t("path", { steps: proof.path.length })}
          </summary>
          <ol className="mt-2 list-decimal space-y-1 ps-6">
            {proof.path.map((step, i) => (
              <li key={i}>{hash(step)}</li>
            ))}
          </ol>
        </details>
        <p className="mt-3 leading-relaxed">{t("checkYourself")}</p>
        {hash(api)}
      </section>
      <p className="mt-6">
        <Link href={`/receipt/${proof.receipt.id}`} className="font-semibold text-brand-800 underline">
          {t("back")}
        </Link>
      </p>
    </PageShell>
  );
}
