import { ErrorSummary } from "@/components/error-summary";
import { FormField, inputClass, SubmitButton } from "@/components/form-field";
import { PhoneField } from "@/components/phone-field";
import type { Locale } from "@/lib/i18n/locales";
import { formatDateTime, translatorIn } from "@/lib/i18n/translator";
import { formatPhone } from "@/lib/phone/format-phone";
import type { MyNumber } from "@/lib/my-number/load-my-number";
import type { NumberFlash } from "@/lib/web/citizen/number-form";
import { CODE_RULES } from "@/lib/verification/rules";
import { phoneNumber } from "./ltr-words";
import { isolated, senderNodes } from "./sender-nodes";
import { TIME_ZONE } from "@/lib/time-zone";

const secondaryButton =
  "mt-3 min-h-12 w-full rounded-lg border-2 border-brand-700 bg-white px-4 py-3 font-semibold text-brand-800";

/** "My number", before: the number, then the code sent to it by SMS. */
export function NumberVerification({ locale, flash }: { locale: Locale; flash: NumberFlash }) {
  const t = translatorIn(locale, "Number");
  const tStop = translatorIn(locale, "Stop");
  const error = flash.error;
  const message = error
    ? error.field === "phone" && error.key.startsWith("phone.")
      ? tStop(`errors.${error.key}` as "errors.phone.empty")
      : t(`errors.${error.key}` as "errors.wait", error.params ?? {})
    : undefined;
  const summary = error && message ? [{ field: error.field, message }] : [];
  if (flash.step === "code" && flash.phone) {
    return (
      <>
        <h1 className="text-2xl font-bold text-brand-800">{t("title")}</h1>
        <p role="status" className="mt-4 rounded border-s-4 border-brand-700 bg-brand-50 p-3">
          {t.rich("codeSent", {
            phone: formatPhone(flash.phone),
            num: phoneNumber,
            minutes: CODE_RULES.validMinutes,
          })}
        </p>
        <ErrorSummary title={t("errorSummary")} errors={summary} />
        <form method="post" action="/number/verify" noValidate>
          <input type="hidden" name="phone" value={flash.phone} />
          <FormField id="code" label={t("codeLabel")} error={error?.field === "code" ? message : undefined}>
            {(describedBy, invalid) => (
              <input
                id="code"
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9]*"
                maxLength={6}
                dir="ltr"
                required
                aria-describedby={describedBy}
                aria-invalid={invalid}
                className={inputClass}
              />
            )}
          </FormField>
          <SubmitButton>{t("verify")}</SubmitButton>
        </form>
        <form method="post" action="/number/code">
          <input type="hidden" name="phone" value={flash.phone} />
          <button type="submit" className={secondaryButton}>
            {t("resend")}
          </button>
        </form>
        <p className="mt-4">
          <a href="/number" className="text-brand-800 underline">
            {t("otherNumber")}
          </a>
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-800">{t("title")}</h1>
      <p className="mt-3">{t("intro")}</p>
      <ErrorSummary title={t("errorSummary")} errors={summary} />
      <form method="post" action="/number/code" noValidate>
        <PhoneField locale={locale} label={t("phoneLabel")} defaultValue={flash.phone} error={message} />
        <SubmitButton>{t("sendCode")}</SubmitButton>
      </form>
    </>
  );
}

/** "My number", once verified: everything recorded for it, and what the citizen can do about it. */
export function VerifiedNumber({
  locale,
  data,
  expiresAt,
  flash,
}: {
  locale: Locale;
  data: MyNumber;
  expiresAt: Date;
  flash: NumberFlash;
}) {
  const t = translatorIn(locale, "Number");
  const date = (d: Date) => formatDateTime(locale, d, false);
  const stoppedAll = data.inForce.some((o) => o.scope === "all");
  const stoppedSenders = new Set(data.inForce.flatMap((o) => (o.sender ? [o.sender.id] : [])));
  const time = new Intl.DateTimeFormat(locale === "ar" ? "ar-MA" : locale === "fr" ? "fr-MA" : "en-GB", {
    timeStyle: "short",
    timeZone: TIME_ZONE,
  }).format(expiresAt);
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-800">{t("title")}</h1>
      <p className="mt-3 font-semibold">
        {t.rich("verifiedAs", {
          phone: formatPhone(data.phone),
          num: phoneNumber,
        })}
      </p>
      <p className="mt-1 text-sm text-slate-700">{t("sessionEnds", { time })}</p>
      {flash.done && (
        <p role="status" className="mt-4 rounded border-s-4 border-brand-700 bg-brand-50 p-3 font-semibold">
          {t.rich("done", {
            id: flash.done,
            receipt: (chunks) => (
              <a href={`/receipt/${flash.done}`} className="underline" dir="ltr">
                {chunks}
              </a>
            ),
          })}
        </p>
      )}
      {flash.error?.key === "nothing-to-withdraw" && (
        <p role="status" className="mt-4 rounded border-s-4 border-slate-500 bg-slate-50 p-3">
          {t("nothingToWithdraw")}
        </p>
      )}

      <section aria-labelledby="in-force" className="mt-8">
        <h2 id="in-force" className="text-xl font-semibold">
          {t("inForceTitle")}
        </h2>
        {data.inForce.length === 0 ? (
          <p className="mt-2">{t("inForceNone")}</p>
        ) : (
          <ul className="mt-3 space-y-3">
            {data.inForce.map((o) => (
              <li key={o.receiptId} className="rounded border border-slate-300 p-3">
                <p className="font-semibold">
                  {o.sender
                    ? t.rich("whatSender", senderNodes(o.sender.name))
                    : o.listSource
                      ? t.rich("whatSource", isolated({ source: o.listSource.name }))
                      : t("whatAll")}
                </p>
                <p className="text-sm text-slate-700">
                  {t("since", { date: date(o.since) })} ·{" "}
                  <a href={`/receipt/${o.receiptId}`} className="underline">
                    {t("receipt", { id: o.receiptId })}
                  </a>
                </p>
                <a
                  href={
                    o.sender
                      ? `/number/withdraw?scope=sender&sender=${encodeURIComponent(o.sender.code)}`
                      : o.listSource
                        ? `/number/withdraw?scope=source&source=${encodeURIComponent(o.listSource.code)}`
                        : "/number/withdraw?scope=all"
                  }
                  className="mt-2 inline-block min-h-11 py-2 font-semibold text-brand-800 underline"
                >
                  {t("withdraw")}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>

      {!stoppedAll && (
        <section aria-labelledby="stop-all" className="mt-8">
          <h2 id="stop-all" className="text-xl font-semibold">
            {t("stopAllTitle")}
          </h2>
          <p className="mt-2">{t("stopAllBody")}</p>
          <form method="post" action="/number/stop">
            <input type="hidden" name="scope" value="all" />
            <SubmitButton>{t("stopAll")}</SubmitButton>
          </form>
        </section>
      )}

      <section aria-labelledby="who" className="mt-8">
        <h2 id="who" className="text-xl font-semibold">
          {t("whoTitle")}
        </h2>
        <p className="mt-2">{data.holders.length === 0 ? t("whoNone") : t("whoIntro")}</p>
        <ul className="mt-3 space-y-3">
          {data.holders.map((h) => (
            <li key={`${h.senderId}-${h.provider}-${h.campaign}`} className="rounded border border-slate-300 p-3">
              <dl className="grid grid-cols-1 text-sm [&_dd]:break-words [&_dt:not(:first-child)]:mt-1">
                <dt className="text-slate-700">{t("whoSender")}</dt>
                <dd className="font-semibold">{h.senderName}</dd>
                <dt className="text-slate-700">{t("whoProvider")}</dt>
                <dd>{h.provider}</dd>
                {/* The campaign's internal name ("ete-2027") means nothing to a citizen; its declared purpose does. */}
                {h.purpose !== null && (
                  <>
                    <dt className="text-slate-700">{t("whoPurpose")}</dt>
                    <dd dir="auto">{h.purpose}</dd>
                  </>
                )}
                <dt className="text-slate-700">{t("whoDate")}</dt>
                <dd>{date(h.mintedAt)}</dd>
                {/* Provenance (1.2): where the campaign said the number came from, on what basis. */}
                <dt className="text-slate-700">{t("whoSource")}</dt>
                <dd>
                  {h.basis === null ? (
                    t("whoUndeclared")
                  ) : (
                    <>
                      {h.sourceName ?? t("whoOwn", { advertiser: h.advertiser ?? h.senderName })} ·{" "}
                      {h.basis === "consent" ? t("whoConsent") : t("whoCustomer")} ·{" "}
                      <bdi>
                        {h.collectedAt} — {h.collectedHow}
                      </bdi>
                    </>
                  )}
                </dd>
              </dl>
              {stoppedAll || stoppedSenders.has(h.senderId) ? (
                <p className="mt-2 font-semibold text-brand-800">{t("stopped")}</p>
              ) : (
                <form method="post" action="/number/stop">
                  <input type="hidden" name="scope" value="sender" />
                  <input type="hidden" name="sender" value={h.senderCode} />
                  <button type="submit" className={secondaryButton} aria-label={`${t("stopSender")} : ${h.senderName}`}>
                    {t("stopSender")}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="history" className="mt-8">
        <h2 id="history" className="text-xl font-semibold">
          {t("historyTitle")}
        </h2>
        {data.history.length === 0 ? (
          <p className="mt-2">{t("historyNone")}</p>
        ) : (
          <ol className="mt-3 space-y-2">
            {data.history.map((h, i) => (
              <li key={i} className="border-s-4 border-slate-300 ps-3">
                <p className="font-semibold">{t(`reasons.${h.reason}`)}</p>
                <p className="text-sm text-slate-700">
                  {h.senderName
                    ? t.rich("whatSender", senderNodes(h.senderName))
                    : h.sourceName
                      ? t.rich("whatSource", isolated({ source: h.sourceName }))
                      : t("whatAll")}{" "}
                  · <bdi>{formatDateTime(locale, h.at)}</bdi>
                  {h.receiptId && (
                    <>
                      {" · "}
                      <a href={`/receipt/${h.receiptId}`} className="underline">
                        {t("receipt", { id: h.receiptId })}
                      </a>
                    </>
                  )}
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="data" className="mt-8">
        <h2 id="data" className="text-xl font-semibold">
          {t("dataTitle")}
        </h2>
        <p className="mt-2">{t("dataBody")}</p>
        <a
          href="/number/data"
          className="mt-3 inline-block rounded-lg border-2 border-brand-700 px-4 py-3 font-semibold text-brand-800"
        >
          {t("download")}
        </a>
      </section>

      <form method="post" action="/number/sign-out" className="mt-8">
        <button type="submit" className={secondaryButton}>
          {t("signOut")}
        </button>
      </form>
    </>
  );
}
