import { senderNodes } from "./sender-nodes";
import { ErrorSummary } from "@/components/error-summary";
import { FormField, inputClass, SubmitButton } from "@/components/form-field";
import { complaintReasons } from "@/lib/complaints/schemas";
import type { Locale } from "@/lib/i18n/locales";
import { formatDateTime, translatorIn } from "@/lib/i18n/translator";
import type { ComplaintProgress } from "@/lib/complaints/follow-complaint";

export type ReportValues = {
  reason?: string;
  senderSeen?: string;
  messageText?: string;
  receivedOn?: string;
  phone?: string;
  link?: string;
  receipt?: string;
  sharePhone?: boolean;
  /** The provider that minted the SMS's link: the only one that may see the full number, if the citizen agrees. */
  provider?: string;
};
export type ReportFlash = { values?: ReportValues; errors?: Record<string, string>; suggestion?: string };

export const COMPLAINT_REFERENCE = /^C-[2-9A-HJKMNP-TV-Z]{5}-[2-9A-HJKMNP-TV-Z]{5}$/;

/** After a report: its reference, what happens next, and where to go from here. */
export function ReportSent({
  locale,
  reference,
  progress,
  maxLagHours,
}: {
  locale: Locale;
  reference: string;
  progress: ComplaintProgress;
  maxLagHours: number;
}) {
  const t = translatorIn(locale, "Report");
  const tNav = translatorIn(locale, "Nav");
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-800">{t("sentTitle")}</h1>
      <p role="status" className="mt-4">
        {t("sentBody")}
      </p>
      <p className="mt-3 rounded border-s-4 border-brand-700 bg-brand-50 p-3 text-lg font-bold">
        {t.rich("reference", { reference: () => <bdi dir="ltr">{reference}</bdi> })}
      </p>
      <h2 className="mt-6 text-xl font-semibold">{t("verdictTitle")}</h2>
      <p className="mt-2" data-testid="report-verdict">
        {t(`verdicts.${progress.verdict ?? "none"}`, { hours: maxLagHours })}
      </p>
      <h2 className="mt-6 text-xl font-semibold">{t("statusTitle")}</h2>
      <p className="mt-2">{t(`statuses.${progress.status}`)}</p>
      <p className="mt-1">
        {progress.answered
          ? t("answered")
          : progress.respondBy
            ? t("notAnswered", { date: formatDateTime(locale, progress.respondBy, false) })
            : t("notAnsweredYet")}
      </p>
      <p className="mt-4 text-sm text-slate-700">{t("follow")}</p>
      <p className="mt-4">{t("nextSteps")}</p>
      <p className="mt-3 flex flex-col gap-2">
        <a href="/number" className="font-semibold text-brand-800 underline">
          {tNav("number")}
        </a>
        <a href="/stop" className="font-semibold text-brand-800 underline">
          {tNav("stop")}
        </a>
      </p>
      <a
        href="/report"
        className="mt-6 inline-block rounded-lg border-2 border-brand-700 px-4 py-3 font-semibold text-brand-800"
      >
        {t("another")}
      </a>
    </>
  );
}

export function reportHasErrors(flash: ReportFlash): boolean {
  return Object.keys(flash.errors ?? {}).length > 0;
}

/**
 * The report form. Started from an SMS's link or from a receipt, `prefill` already knows the sender (and the
 * number); after a refused post, `flash` brings back what the citizen typed and why it was refused.
 */
export function ReportForm({ locale, flash, prefill }: { locale: Locale; flash: ReportFlash; prefill: ReportValues }) {
  const t = translatorIn(locale, "Report");
  const values: ReportValues = { ...prefill, ...flash.values };
  const errors = flash.errors ?? {};
  const message = (field: string) =>
    errors[field] === "sender.did-you-mean" && flash.suggestion
      ? t("didYouMean", { sender: flash.suggestion })
      : errors[field]
        ? t(`errors.${errors[field]}` as "errors.reason.required")
        : undefined;
  const fields = ["reason", "senderSeen", "messageText", "receivedOn", "phone"];
  const summary = fields.filter((f) => errors[f]).map((f) => ({ field: f, message: message(f)! }));
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-800">{t("title")}</h1>
      <p className="mt-3">{t("intro")}</p>
      <ErrorSummary title={t("errorSummary")} errors={summary} />
      {prefill.senderSeen && values.link && (
        <p className="mt-4 rounded border-s-4 border-brand-700 bg-brand-50 p-3">
          {t.rich("fromLink", senderNodes(prefill.senderSeen))}
        </p>
      )}
      <form method="post" action="/report/submit" noValidate>
        {values.link && <input type="hidden" name="link" value={values.link} />}
        {values.receipt && <input type="hidden" name="receipt" value={values.receipt} />}
        {errors.senderSeen === "sender.did-you-mean" && (
          <input type="hidden" name="senderAsTyped" value={values.senderSeen ?? ""} />
        )}
        <fieldset className="mt-6" aria-describedby={errors.reason ? "reason-error" : undefined}>
          <legend className="font-semibold">{t("reasonLegend")}</legend>
          {errors.reason && (
            <p id="reason-error" className="mt-1 font-semibold text-red-800">
              {message("reason")}
            </p>
          )}
          {complaintReasons.map((reason, index) => (
            <label key={reason} className="mt-2 flex min-h-11 items-center gap-3">
              <input
                type="radio"
                name="reason"
                value={reason}
                id={index === 0 ? "reason" : undefined}
                defaultChecked={(values.reason ?? "no_mention") === reason}
                className="size-5 accent-brand-700"
              />
              <span>{t(`reasons.${reason}`)}</span>
            </label>
          ))}
        </fieldset>
        <FormField id="senderSeen" label={t("senderLabel")} hint={t("senderHint")} error={message("senderSeen")}>
          {(describedBy, invalid) => (
            <input
              id="senderSeen"
              name="senderSeen"
              maxLength={100}
              dir="auto"
              defaultValue={values.senderSeen ?? ""}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              className={inputClass}
            />
          )}
        </FormField>
        {errors.senderSeen === "sender.did-you-mean" && flash.suggestion && (
          <div className="mt-2 flex flex-wrap gap-2">
            <button
              type="submit"
              name="senderChoice"
              value="suggested"
              className="min-h-11 rounded-lg border-2 border-brand-700 px-3 py-2 font-semibold text-brand-800"
            >
              {t.rich("useSuggestion", senderNodes(flash.suggestion))}
            </button>
            <button
              type="submit"
              name="senderChoice"
              value="typed"
              className="min-h-11 rounded-lg border-2 border-brand-700 px-3 py-2 font-semibold text-brand-800"
            >
              <bdi>{t("keepTyped", { typed: values.senderSeen ?? "" })}</bdi>
            </button>
          </div>
        )}
        <FormField id="messageText" label={t("messageLabel")} hint={t("messageHint")} error={message("messageText")}>
          {(describedBy, invalid) => (
            <textarea
              id="messageText"
              name="messageText"
              rows={5}
              maxLength={2000}
              dir="auto"
              defaultValue={values.messageText ?? ""}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              className={inputClass}
            />
          )}
        </FormField>
        <FormField id="receivedOn" label={t("receivedLabel")} error={message("receivedOn")}>
          {(describedBy, invalid) => (
            <input
              id="receivedOn"
              name="receivedOn"
              type="date"
              max={today}
              defaultValue={values.receivedOn ?? today}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              className={inputClass}
            />
          )}
        </FormField>
        <FormField id="phone" label={t("phoneLabel")} hint={t("phoneHint")} error={message("phone")}>
          {(describedBy, invalid) => (
            <input
              id="phone"
              name="phone"
              type="tel"
              inputMode="tel"
              autoComplete="tel"
              dir="ltr"
              defaultValue={values.phone ?? ""}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              className={inputClass}
            />
          )}
        </FormField>
        {/* Only a report from an SMS's own link reaches a provider with the number: that provider, named. */}
        {values.link && prefill.provider && (
          <label className="mt-5 flex min-h-11 items-start gap-3">
            <input
              type="checkbox"
              name="sharePhone"
              value="yes"
              defaultChecked={values.sharePhone === true}
              className="mt-1 size-5 shrink-0 accent-brand-700"
            />
            <span>{t("sharePhone", { provider: prefill.provider })}</span>
          </label>
        )}
        <SubmitButton>{t("submit")}</SubmitButton>
      </form>
    </>
  );
}
