import type { Locale } from "@/lib/i18n/locales";
import { numberFormat as numberFormatFor } from "@/lib/i18n/number-format";
import { formatDateTime, translatorIn } from "@/lib/i18n/translator";
import type { ReceiptAwaitingPublication, ReceiptProof } from "@/lib/transparency-log/prove-receipt";

const hash = (value: string) => (
  <code className="block break-all font-mono text-sm" dir="ltr">
    {value}
  </code>
);

/** The public check of a receipt in the transparency log, in plain words (RFC 9162 inclusion proof). */
export function VerifyPage({ locale, proof }: { locale: Locale; proof: ReceiptProof | ReceiptAwaitingPublication }) {
  return proof.status === "proven" ? (
    <Proven locale={locale} proof={proof} />
  ) : (
    <Awaiting locale={locale} proof={proof} />
  );
}

const BackToReceipt = ({ id, label }: { id: string; label: string }) => (
  <p className="mt-6">
    <a href={`/receipt/${id}`} className="font-semibold text-brand-800 underline">
      {label}
    </a>
  </p>
);

/** A receipt newer than the published tree head: nothing to prove yet, and the page says when there will be. */
function Awaiting({ locale, proof }: { locale: Locale; proof: ReceiptAwaitingPublication }) {
  const t = translatorIn(locale, "Verify");
  const number = (n: number) => numberFormatFor(locale).format(n);
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-800">{t("title")}</h1>
      <p className="mt-2">{t("intro")}</p>
      <p role="status" className="mt-4 rounded border-s-4 border-brand-700 bg-brand-50 p-3 font-semibold">
        {t("awaiting", {
          receipt: proof.receipt.id,
          index: number(proof.index),
          date: formatDateTime(locale, proof.nextAt),
        })}
      </p>
      <BackToReceipt id={proof.receipt.id} label={t("back")} />
    </>
  );
}

function Proven({ locale, proof }: { locale: Locale; proof: ReceiptProof }) {
  const t = translatorIn(locale, "Verify");
  const number = (n: number) => numberFormatFor(locale).format(n);
  const api = `/api/v1/log/inclusion?index=${proof.index}&size=${proof.treeSize}`;
  return (
    <>
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
      <BackToReceipt id={proof.receipt.id} label={t("back")} />
    </>
  );
}
