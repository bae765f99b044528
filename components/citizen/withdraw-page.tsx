import { SubmitButton } from "@/components/form-field";
import type { Locale } from "@/lib/i18n/locales";
import { isolated, senderNodes } from "./sender-nodes";
import { translatorIn } from "@/lib/i18n/translator";

/** The confirmation step of a withdrawal: says what will happen, then a POST does it. */
export function WithdrawPage({
  locale,
  sender,
  listSource = null,
}: {
  locale: Locale;
  sender: { code: string; name: string } | null;
  /** A list source's refusal (provenance, 1.2). */
  listSource?: { code: string; name: string } | null;
}) {
  const t = translatorIn(locale, "Number");
  const scope = sender ? "sender" : listSource ? "source" : "all";
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-800">{t("withdrawTitle")}</h1>
      <p className="mt-4 font-semibold">
        {sender
          ? t.rich("withdrawSender", senderNodes(sender.name))
          : listSource
            ? t.rich("withdrawSource", isolated({ source: listSource.name }))
            : t("withdrawAll")}
      </p>
      <p className="mt-3">{t("withdrawConsequence")}</p>
      <form method="post" action="/number/withdraw/confirm">
        <input type="hidden" name="scope" value={scope} />
        {sender && <input type="hidden" name="sender" value={sender.code} />}
        {listSource && <input type="hidden" name="source" value={listSource.code} />}
        <input type="hidden" name="confirm" value="yes" />
        <SubmitButton>{t("confirmWithdraw")}</SubmitButton>
      </form>
      <a
        href="/number"
        className="mt-3 block min-h-12 rounded-lg border-2 border-brand-700 px-4 py-3 text-center font-semibold text-brand-800"
      >
        {t("cancel")}
      </a>
    </>
  );
}
