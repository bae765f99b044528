import { Fragment } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { stableSentence, translatorFor } from "@/lib/i18n/translator";
import type { LinkDeclaration } from "@/lib/links/resolve-link";
import { LIGHT } from "@/lib/web/html/light-classes";
import { WithIsolated } from "@/lib/web/html/light-ui";

const HOW = "\u0000HOW\u0000";

/** "2025-03" as the citizen's month: "mars 2025", "مارس 2025", "March 2025". */
function monthName(locale: Locale, month: string): string {
  const [year, m] = month.split("-").map(Number);
  const tag = locale === "ar" ? "ar-MA-u-nu-latn" : locale === "fr" ? "fr-MA" : "en-GB";
  return new Intl.DateTimeFormat(tag, { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(year!, m! - 1, 1)),
  );
}

function sourceSentence(locale: Locale, declaration: LinkDeclaration): string {
  const t = translatorFor(locale);
  const { advertiser, source } = declaration;
  if (!source) return t("Link.sourceOwn", { advertiser });
  return t(source.kind === "broker" ? "Link.sourceBroker" : "Link.sourcePartner", { source: source.name, advertiser });
}

/**
 * "Why did I get this SMS?" (provenance, docs/protocol.md 1.2): on whose behalf, who sent it, on what basis,
 * from which list, and when and how the number was collected — as the campaign declared it at its first mint.
 * The provider's own words (often French inside an Arabic sentence) keep their direction: isolated.
 */
export function WhySection({
  locale,
  sender,
  providerName,
  declaration: d,
}: {
  locale: Locale;
  sender: string;
  providerName: string;
  declaration: LinkDeclaration | null;
}) {
  const t = translatorFor(locale);
  const title = stableSentence(locale, "Link.whyTitle");
  if (!d)
    return (
      <>
        <h2 className={LIGHT.h2}>{title}</h2>
        <p className={LIGHT.hint}>{stableSentence(locale, "Link.whyUndeclared")}</p>
      </>
    );
  const basis = d.basis === "consent" ? t("Link.basisConsent") : t("Link.basisCustomer", { advertiser: d.advertiser });
  const rows: [string, React.ReactNode][] = [
    [t("Link.whyAdvertiser"), <bdi key="a">{d.advertiser}</bdi>],
    [t("Link.whySender"), sender],
    [t("Link.whyProvider"), providerName],
    [t("Link.whyPurpose"), <bdi key="p">{d.purpose}</bdi>],
    [t("Link.whyBasis"), basis],
    [t("Link.whySource"), sourceSentence(locale, d)],
    [
      t("Link.whyCollected"),
      <WithIsolated
        key="c"
        sentence={t("Link.collected", { month: monthName(locale, d.collectedAt), how: HOW })}
        marker={HOW}
      >
        <bdi>{d.collectedHow}</bdi>
      </WithIsolated>,
    ],
  ];
  return (
    <section aria-labelledby="why-title">
      <h2 id="why-title" className={LIGHT.h2}>
        {title}
      </h2>
      <dl className={LIGHT.dl}>
        {rows.map(([term, value]) => (
          <Fragment key={term}>
            <dt className={LIGHT.dt}>{term}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}
