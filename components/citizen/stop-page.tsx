import { ErrorSummary } from "@/components/error-summary";
import { FormField, inputClass, SubmitButton } from "@/components/form-field";
import { PhoneField } from "@/components/phone-field";
import type { Locale } from "@/lib/i18n/locales";
import { translatorIn } from "@/lib/i18n/translator";
import type { WebFormValues } from "@/lib/oppositions/submit-web-opposition";

export type StopFlash = {
  values?: Partial<WebFormValues>;
  errors?: { phone?: string; sender?: string };
  suggestion?: string;
};

/** After a refused post the title says so first: a screen reader announces it with the page. */
export function stopPageTitle(locale: Locale, flash: StopFlash): string {
  const title = translatorIn(locale, "Stop")("title");
  const failed = Boolean(flash.errors?.phone || flash.errors?.sender);
  return failed ? translatorIn(locale, "Common")("errorIn", { title }) : title;
}

export function StopPage({
  locale,
  flash,
  senders,
}: {
  locale: Locale;
  flash: StopFlash;
  senders: { code: string; name: string }[];
}) {
  const t = translatorIn(locale, "Stop");
  const values = flash.values ?? {};
  const errors = flash.errors ?? {};
  const message = (key?: string) =>
    key ? t(`errors.${key}` as "errors.sender.did-you-mean", { sender: flash.suggestion ?? "" }) : undefined;
  const summary = [
    errors.phone ? { field: "phone", message: message(errors.phone)! } : null,
    errors.sender ? { field: "sender", message: message(errors.sender)! } : null,
  ].filter((e): e is { field: string; message: string } => e !== null);
  const scope = values.scope ?? "all";
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-800">{t("title")}</h1>
      <p className="mt-3">{t("intro")}</p>
      <ErrorSummary title={t("errorSummary")} errors={summary} />
      {/* The sender field shows only once "one sender" is chosen: CSS alone, so also without JavaScript. */}
      <form method="post" action="/stop/submit" noValidate className="group/stop">
        <PhoneField locale={locale} label={t("phoneLabel")} defaultValue={values.phone} error={message(errors.phone)} />
        <fieldset className="mt-6">
          <legend className="font-semibold">{t("scopeLegend")}</legend>
          {(["all", "sender"] as const).map((value) => (
            <label key={value} className="mt-2 flex min-h-11 items-center gap-3">
              <input
                type="radio"
                id={`scope-${value}`}
                name="scope"
                value={value}
                defaultChecked={scope === value}
                className="size-5 accent-brand-700"
              />
              <span>{value === "all" ? t("scopeAll") : t("scopeSender")}</span>
            </label>
          ))}
        </fieldset>
        <div className="hidden group-has-[#scope-sender:checked]/stop:block">
          <FormField id="sender" label={t("senderLabel")} hint={t("senderHint")} error={message(errors.sender)}>
            {(describedBy, invalid) => (
              <>
                <input
                  id="sender"
                  name="sender"
                  list="sender-list"
                  autoComplete="off"
                  defaultValue={values.sender ?? ""}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  className={inputClass}
                />
                <datalist id="sender-list">
                  {senders.map((s) => (
                    <option key={s.code} value={s.name} />
                  ))}
                </datalist>
              </>
            )}
          </FormField>
        </div>
        <SubmitButton>{t("submit")}</SubmitButton>
      </form>
      {errors.sender === "sender.unknown" && (
        // Not a dead end: the citizen can still stop every sender, and report the one that is not registered.
        <section aria-labelledby="unknown-sender" className="mt-6 rounded border border-slate-300 p-4">
          <h2 id="unknown-sender" className="font-semibold">
            {t("unknownTitle")}
          </h2>
          <form method="post" action="/stop/submit" className="mt-3">
            <input type="hidden" name="phone" value={values.phone ?? ""} />
            <input type="hidden" name="scope" value="all" />
            <button type="submit" className="min-h-11 rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white">
              {t("unknownAll")}
            </button>
          </form>
          <p className="mt-3">
            <a
              href={`/report?sender=${encodeURIComponent(values.sender ?? "")}`}
              className="font-semibold text-brand-800 underline"
            >
              {t("unknownReport")}
            </a>
          </p>
        </section>
      )}
      <p className="mt-6">
        <a href="/number" className="text-brand-800 underline">
          {t("verifyOffer")}
        </a>
      </p>
    </>
  );
}
