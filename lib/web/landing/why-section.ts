import type { Locale } from "@/lib/i18n/locales";
import { stableSentence, translatorFor } from "@/lib/i18n/translator";
import type { LinkDeclaration, ResolvedLink } from "@/lib/links/resolve-link";
import { escapeHtml, html, raw, type RawHtml } from "@/lib/web/html/render-light-page";
import { LIGHT } from "@/lib/web/html/light-classes";

const HOW = "\u0000HOW\u0000";

type ActiveLink = Extract<ResolvedLink, { status: "active" }>;

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

/** The provider's own words (often French inside an Arabic sentence) keep their direction: isolated. */
function collected(locale: Locale, d: LinkDeclaration): RawHtml {
  const [before = "", after = ""] = translatorFor(locale)("Link.collected", {
    month: monthName(locale, d.collectedAt),
    how: HOW,
  }).split(HOW);
  return raw(`${escapeHtml(before)}<bdi>${escapeHtml(d.collectedHow)}</bdi>${escapeHtml(after)}`);
}

/**
 * "Why did I get this SMS?" (provenance, docs/protocol.md 1.2): on whose behalf, who sent it, on what basis,
 * from which list, and when and how the number was collected — as the campaign declared it at its first mint.
 */
export function whySection(locale: Locale, link: ActiveLink): RawHtml {
  const t = translatorFor(locale);
  const d = link.declaration;
  const title = stableSentence(locale, "Link.whyTitle");
  if (!d)
    return html`<h2 class="${LIGHT.h2}">${title}</h2>
      <p class="${LIGHT.hint}">${stableSentence(locale, "Link.whyUndeclared")}</p>`;
  const basis = d.basis === "consent" ? t("Link.basisConsent") : t("Link.basisCustomer", { advertiser: d.advertiser });
  return html`<section aria-labelledby="why-title">
    <h2 id="why-title" class="${LIGHT.h2}">${title}</h2>
    <dl class="${LIGHT.dl}">
      <dt class="${LIGHT.dt}">${t("Link.whyAdvertiser")}</dt>
      <dd><bdi>${d.advertiser}</bdi></dd>
      <dt class="${LIGHT.dt}">${t("Link.whySender")}</dt>
      <dd>${link.sender.name}</dd>
      <dt class="${LIGHT.dt}">${t("Link.whyProvider")}</dt>
      <dd>${link.providerName}</dd>
      <dt class="${LIGHT.dt}">${t("Link.whyPurpose")}</dt>
      <dd><bdi>${d.purpose}</bdi></dd>
      <dt class="${LIGHT.dt}">${t("Link.whyBasis")}</dt>
      <dd>${basis}</dd>
      <dt class="${LIGHT.dt}">${t("Link.whySource")}</dt>
      <dd>${sourceSentence(locale, d)}</dd>
      <dt class="${LIGHT.dt}">${t("Link.whyCollected")}</dt>
      <dd>${collected(locale, d)}</dd>
    </dl>
  </section>`;
}
