import type { Locale } from "@/lib/i18n/locales";
import { senderParams } from "@/lib/i18n/sender-params";
import { stableSentence, translatorFor } from "@/lib/i18n/translator";
import type { LinkDeclaration } from "@/lib/links/resolve-link";
import { LIGHT } from "@/lib/web/html/light-classes";
import { ChoiceButton, PhoneNumber, RefusalNote, WithIsolated } from "@/lib/web/html/light-ui";
import { slot } from "@/lib/web/html/slot-template";
import { WhySection } from "./why-section";

/**
 * Everything the landing page says that links of one campaign share. The body is a function of this
 * alone (and of the slots below), so one rendering serves every link of the same shape (landing-page.ts).
 */
export interface LandingShape {
  locale: Locale;
  sender: string;
  providerName: string;
  maxLagHours: number;
  opposedSender: boolean;
  opposedAll: boolean;
  opposedSource: boolean;
  /** A refusal older than the link (the one-tap report), and whether the SMS came past the senders' delay. */
  refusedBefore: { key: "Link.refusedOnAll" | "Link.refusedOnSender"; pastDelay: boolean } | null;
  declaration: LinkDeclaration | null;
}

/** What differs from one link to the next: the slots filled, escaped, into the rendered body. */
export const LANDING_SLOTS = {
  code: "CODE",
  phone: "PHONE",
  /** The refusal already in force that the page mentions (the one before the link, or the current one). */
  refusalDate: "REFUSAL_DATE",
  refusalReceipt: "REFUSAL_RECEIPT",
  sentAt: "SENT_AT",
  sourceDate: "SOURCE_DATE",
  sourceReceipt: "SOURCE_RECEIPT",
} as const;
const S = Object.fromEntries(Object.entries(LANDING_SLOTS).map(([key, name]) => [key, slot(name)])) as Record<
  keyof typeof LANDING_SLOTS,
  string
>;

/** "SMS from <sender>": the page's title and its heading. */
export function landingTitle(shape: LandingShape): string {
  return stableSentence(shape.locale, "Link.title", senderParams(shape.sender));
}

/** The short-link landing page's body: who sent the SMS, to which (masked) number, and the choices. */
export function LandingBody({ shape }: { shape: LandingShape }) {
  const { locale, sender, opposedAll, opposedSender, refusedBefore, declaration } = shape;
  const t = translatorFor(locale);
  const say = (key: Parameters<typeof stableSentence>[1], params?: Record<string, string | number>) =>
    stableSentence(locale, key, params);
  const named = senderParams(sender);
  const receiptLink = {
    receiptHref: `/receipt/${S.refusalReceipt}`,
    receiptLabel: t("Link.viewReceipt", { receipt: S.refusalReceipt }),
  };
  const listSource = declaration?.source ?? null;
  // A refusal older than the link: the tap on the link proves the SMS arrived, so a one-tap report is
  // verified evidence; it says when the refusal was recorded, when the SMS was sent at the earliest (its
  // link's minting) and whether that was past the legal delay — the verdict the report will record.
  // Otherwise, a discreet way to report it anyway.
  const report = refusedBefore ? (
    <>
      <RefusalNote {...receiptLink}>
        <strong>
          {t(refusedBefore.key, { ...named, date: S.refusalDate })}{" "}
          {t(refusedBefore.pastDelay ? "Link.pastDelay" : "Link.withinDelay", {
            sent: S.sentAt,
            hours: shape.maxLagHours,
          })}
        </strong>
      </RefusalNote>
      <form method="post" action={`/${S.code}`}>
        <label className={LIGHT.check}>
          <input className={LIGHT.checkbox} type="checkbox" name="share" value="yes" />
          <span>{t("Link.sharePhone", { provider: shape.providerName })}</span>
        </label>
        <ChoiceButton
          value="report"
          kind="primary"
          label={say("Link.reportNow")}
          hint={say("Link.reportHint")}
          hintId="report-hint"
        />
      </form>
    </>
  ) : (
    <p className={LIGHT.p}>
      <a className={LIGHT.link} href={`/report?link=${S.code}`}>
        {say("Link.reportLink")}
      </a>
    </p>
  );
  const already =
    opposedAll || opposedSender ? (
      <RefusalNote {...receiptLink}>
        {t(opposedAll ? "Link.alreadyAll" : "Link.alreadySender", { ...named, date: S.refusalDate })}
      </RefusalNote>
    ) : null;
  return (
    <>
      <h1 className={LIGHT.h1}>{landingTitle(shape)}</h1>
      <p className={LIGHT.p}>
        <WithIsolated sentence={say("Link.sentTo", { phone: S.phone })} marker={S.phone}>
          <PhoneNumber>{S.phone}</PhoneNumber>
        </WithIsolated>
      </p>
      {refusedBefore ? report : already}
      {!opposedAll && (
        <>
          <p className={LIGHT.p}>{say("Link.choose")}</p>
          <form method="post" action={`/${S.code}`}>
            {!opposedSender && <ChoiceButton value="sender" kind="primary" label={say("Link.stopSender", named)} />}
            <ChoiceButton
              value="all"
              kind="secondary"
              label={say("Link.stopAll")}
              hint={say("Link.stopAllHint", named)}
              hintId="all-hint"
            />
            {listSource && !shape.opposedSource && (
              <ChoiceButton
                value="source"
                kind="secondary"
                label={t("Link.stopSource", { source: listSource.name })}
                hint={say("Link.stopSourceHint")}
                hintId="source-hint"
              />
            )}
          </form>
        </>
      )}
      <p className={LIGHT.hint}>{say("Link.free", { hours: shape.maxLagHours })}</p>
      <WhySection locale={locale} sender={sender} providerName={shape.providerName} declaration={declaration} />
      {listSource && shape.opposedSource && !opposedAll && (
        <RefusalNote
          receiptHref={`/receipt/${S.sourceReceipt}`}
          receiptLabel={t("Link.viewReceipt", { receipt: S.sourceReceipt })}
        >
          {t("Link.alreadySource", { source: listSource.name, date: S.sourceDate })}
        </RefusalNote>
      )}
      {/* "I never agreed": a verified report of type no-consent, the campaign's declaration as its evidence. */}
      {declaration && (
        <form method="post" action={`/${S.code}`}>
          <ChoiceButton
            value="no-consent"
            kind="secondary"
            label={say("Link.neverAgreed")}
            hint={say("Link.neverAgreedHint")}
            hintId="never-hint"
          />
        </form>
      )}
      {!refusedBefore && report}
    </>
  );
}
