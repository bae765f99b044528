import { FormField, inputClass, SubmitButton } from "@/components/form-field";
import type { Locale } from "@/lib/i18n/locales";
import { formatDateTime, translatorIn } from "@/lib/i18n/translator";

/** What /verify-pack found, or nothing yet (the forms alone). */
export type PackVerdict =
  | { kind: "file-valid"; fingerprint: string; issuedAt: Date | null; packKind: string; subject: string }
  | { kind: "file-invalid"; fingerprint: string }
  | { kind: "fingerprint-issued"; fingerprint: string; issuedAt: Date; packKind: string }
  | { kind: "fingerprint-unknown"; fingerprint: string }
  | { kind: "no-file" };

const KINDS = ["complaint", "originator", "provider", "integrity-alert", "other"] as const;

const hash = (value: string) => (
  <code className="block break-all font-mono text-sm" dir="ltr">
    {value}
  </code>
);

/**
 * The public check of an evidence pack (for a prosecutor, a lawyer, a provider): drop the signed JSON file
 * (it carries its own signature) or type the fingerprint printed on the PDF (StopSMS says whether and when
 * it issued it, nothing of its content). Two plain forms: no script.
 */
export function VerifyPackPage({ locale, verdict }: { locale: Locale; verdict: PackVerdict | null }) {
  const t = translatorIn(locale, "VerifyPack");
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-800">{t("title")}</h1>
      <p className="mt-2">{t("intro")}</p>
      {verdict && <Verdict locale={locale} verdict={verdict} />}
      <section aria-labelledby="file-title" className="mt-8">
        <h2 id="file-title" className="text-xl font-bold">
          {t("fileTitle")}
        </h2>
        <form method="post" action="/verify-pack" encType="multipart/form-data" noValidate>
          <FormField id="pack" label={t("fileLabel")} hint={t("fileHint")}>
            {(describedBy) => (
              <input
                id="pack"
                name="pack"
                type="file"
                accept="application/json,.json"
                aria-describedby={describedBy}
                className={inputClass}
              />
            )}
          </FormField>
          <SubmitButton>{t("fileSubmit")}</SubmitButton>
        </form>
      </section>
      <section aria-labelledby="fingerprint-title" className="mt-8">
        <h2 id="fingerprint-title" className="text-xl font-bold">
          {t("fingerprintTitle")}
        </h2>
        <form method="post" action="/verify-pack" noValidate>
          <FormField id="fingerprint" label={t("fingerprintLabel")} hint={t("fingerprintHint")}>
            {(describedBy) => (
              <input
                id="fingerprint"
                name="fingerprint"
                dir="ltr"
                autoComplete="off"
                spellCheck={false}
                aria-describedby={describedBy}
                className={`${inputClass} font-mono`}
              />
            )}
          </FormField>
          <SubmitButton>{t("fingerprintSubmit")}</SubmitButton>
        </form>
      </section>
    </>
  );
}

function Verdict({ locale, verdict }: { locale: Locale; verdict: PackVerdict }) {
  const t = translatorIn(locale, "VerifyPack");
  const good = verdict.kind === "file-valid" || verdict.kind === "fingerprint-issued";
  const box = good ? "border-brand-700 bg-brand-50" : "border-red-700 bg-red-50";
  const when = (date: Date) => formatDateTime(locale, date);
  const kindOf = (packKind: string) => t(`kinds.${KINDS.find((k) => k === packKind) ?? "other"}`);
  return (
    <div role="status" className={`mt-6 rounded border-s-4 p-3 ${box}`}>
      <p className="font-semibold">
        {verdict.kind === "file-valid" &&
          (verdict.issuedAt
            ? t("fileValid", { kind: kindOf(verdict.packKind), subject: verdict.subject, date: when(verdict.issuedAt) })
            : t("fileValidNotRecorded", { kind: kindOf(verdict.packKind), subject: verdict.subject }))}
        {verdict.kind === "file-invalid" && t("fileInvalid")}
        {verdict.kind === "fingerprint-issued" &&
          t("fingerprintIssued", { kind: kindOf(verdict.packKind), date: when(verdict.issuedAt) })}
        {verdict.kind === "fingerprint-unknown" && t("fingerprintUnknown")}
        {verdict.kind === "no-file" && t("noFile")}
      </p>
      {"fingerprint" in verdict && (
        <div className="mt-2">
          <p>{t("fingerprintOfIt")}</p>
          {hash(verdict.fingerprint)}
        </div>
      )}
    </div>
  );
}
