import { senderParams } from "@/lib/i18n/sender-params";
import { env } from "@/lib/env";
import { escapeHtml, html, raw, renderLightPageAnswer } from "@/lib/web/html/render-light-page";
import { type DocumentAnswer } from "@/lib/web/html/document-response";
import type { Locale } from "@/lib/i18n/locales";
import { formatDateTime, stableSentence, translatorFor } from "@/lib/i18n/translator";
import type { ResolvedLink } from "@/lib/links/resolve-link";
import { maskPhone } from "@/lib/phone/mask-phone";
import { whySection } from "./why-section";
import { LIGHT } from "@/lib/web/html/light-classes";

const NUMBER_TOKEN = "\u0000NUMBER\u0000";

/**
 * A phone number stays left-to-right inside an Arabic sentence, and whole on one line while it fits: an
 * inline block moves to the next line as one piece, and wraps only when wider than the screen (200 % text).
 */
function withLtrNumber(sentence: string, number: string) {
  const [before = "", after = ""] = sentence.split(NUMBER_TOKEN);
  return raw(
    `${escapeHtml(before)}<bdi dir="ltr" class="${LIGHT.number}">${escapeHtml(number)}</bdi>${escapeHtml(after)}`,
  );
}

/** The short-link landing page: who sent the SMS, to which (masked) number, and the two choices. */
export function landingPage(locale: Locale, link: ResolvedLink, path: string): DocumentAnswer {
  const t = translatorFor(locale);
  if (link.status !== "active") {
    // One page for unknown and expired codes: the body tells a code-guesser nothing (no sender's name).
    const title = t("Link.missTitle");
    return renderLightPageAnswer(
      {
        locale,
        title,
        currentPath: path,
        body: html`<h1 class="${LIGHT.h1}">${title}</h1>
          <p class="${LIGHT.p}">${t("Link.missBody")}</p>
          <a class="${LIGHT.primary}" href="/stop">${t("Link.useForm")}</a>`,
      },
      { status: link.status === "expired" ? 410 : 404 },
    );
  }
  const sender = link.sender.name;
  const listSource = link.declaration?.source ?? null;
  const already = (key: "Link.alreadySender" | "Link.alreadyAll", o: { receiptId: string; since: Date }) =>
    html`<p class="${LIGHT.note}">
      ${t(key, { ...senderParams(sender), date: formatDateTime(locale, o.since, false) })}<br /><a
        class="${LIGHT.link}"
        href="/receipt/${o.receiptId}"
        >${t("Link.viewReceipt", { receipt: o.receiptId })}</a
      >
    </p>`;
  // A refusal older than the link: the tap on the link proves the SMS arrived, so a one-tap report is
  // verified evidence. Otherwise, a discreet way to report it anyway. What is known before the tap: when the refusal was recorded, when the SMS was sent at the earliest (its
  // link's minting), and whether that was past the senders' legal delay — the verdict the report will record.
  const maxLagHours = env().STOPSMS_MAX_LAG_HOURS;
  const refusedBefore = [
    link.opposedAll && link.opposedAll.since < link.mintedAt ? (["Link.refusedOnAll", link.opposedAll] as const) : null,
    link.opposedSender && link.opposedSender.since < link.mintedAt
      ? (["Link.refusedOnSender", link.opposedSender] as const)
      : null,
    // The oldest refusal sets the deadline, as the verdict does (assess-complaint.ts).
  ]
    .filter((x) => x !== null)
    .sort((a, b) => a[1].since.getTime() - b[1].since.getTime())[0];
  const report = refusedBefore
    ? html`<p class="${LIGHT.note}">
          <strong
            >${t(refusedBefore[0], { ...senderParams(sender), date: formatDateTime(locale, refusedBefore[1].since, false) })}
            ${t(
              link.mintedAt.getTime() - refusedBefore[1].since.getTime() > maxLagHours * 3_600_000
                ? "Link.pastDelay"
                : "Link.withinDelay",
              { sent: formatDateTime(locale, link.mintedAt), hours: maxLagHours },
            )}</strong
          ><br /><a class="${LIGHT.link}" href="/receipt/${refusedBefore[1].receiptId}"
            >${t("Link.viewReceipt", { receipt: refusedBefore[1].receiptId })}</a
          >
        </p>
        <form method="post" action="/${link.code}">
          <label class="${LIGHT.check}"
            ><input class="${LIGHT.checkbox}" type="checkbox" name="share" value="yes" />
            <span>${t("Link.sharePhone", { provider: link.providerName })}</span></label
          >
          <button class="${LIGHT.primary}" type="submit" name="choice" value="report" aria-describedby="report-hint">
            ${stableSentence(locale, "Link.reportNow")}
          </button>
          <p class="${LIGHT.hint}" id="report-hint">${stableSentence(locale, "Link.reportHint")}</p>
        </form>`
    : html`<p class="${LIGHT.p}">
        <a class="${LIGHT.link}" href="/report?link=${link.code}">${stableSentence(locale, "Link.reportLink")}</a>
      </p>`;
  const buttons = [
    !link.opposedSender && !link.opposedAll
      ? html`<button class="${LIGHT.primary}" type="submit" name="choice" value="sender">
          ${stableSentence(locale, "Link.stopSender", senderParams(sender))}
        </button>`
      : html``,
    !link.opposedAll
      ? html`<button class="${LIGHT.secondary}" type="submit" name="choice" value="all" aria-describedby="all-hint">
            ${stableSentence(locale, "Link.stopAll")}
          </button>
          <p class="${LIGHT.hint}" id="all-hint">
            ${stableSentence(locale, "Link.stopAllHint", senderParams(sender))}
          </p>`
      : html``,
    listSource && !link.opposedAll && !link.opposedSource
      ? html`<button
            class="${LIGHT.secondary}"
            type="submit"
            name="choice"
            value="source"
            aria-describedby="source-hint"
          >
            ${t("Link.stopSource", { source: listSource.name })}
          </button>
          <p class="${LIGHT.hint}" id="source-hint">${stableSentence(locale, "Link.stopSourceHint")}</p>`
      : html``,
  ];
  const sourceRefused =
    listSource && link.opposedSource && !link.opposedAll
      ? html`<p class="${LIGHT.note}">
          ${t("Link.alreadySource", { source: listSource.name, date: formatDateTime(locale, link.opposedSource.since, false) })}<br /><a
            class="${LIGHT.link}"
            href="/receipt/${link.opposedSource.receiptId}"
            >${t("Link.viewReceipt", { receipt: link.opposedSource.receiptId })}</a
          >
        </p>`
      : html``;
  // "I never agreed": a verified report of type no-consent, the campaign's declaration as its evidence.
  const neverAgreed = link.declaration
    ? html`<form method="post" action="/${link.code}">
        <button class="${LIGHT.secondary}" type="submit" name="choice" value="no-consent" aria-describedby="never-hint">
          ${stableSentence(locale, "Link.neverAgreed")}
        </button>
        <p class="${LIGHT.hint}" id="never-hint">${stableSentence(locale, "Link.neverAgreedHint")}</p>
      </form>`
    : html``;
  const title = stableSentence(locale, "Link.title", senderParams(sender));
  const body = html`<h1 class="${LIGHT.h1}">${title}</h1>
    <p class="${LIGHT.p}">
      ${withLtrNumber(stableSentence(locale, "Link.sentTo", { phone: NUMBER_TOKEN }), maskPhone(link.phone))}
    </p>
    ${refusedBefore ? report : link.opposedAll ? already("Link.alreadyAll", link.opposedAll) : link.opposedSender ? already("Link.alreadySender", link.opposedSender) : html``}
    ${
      link.opposedAll
        ? html``
        : html`<p class="${LIGHT.p}">${stableSentence(locale, "Link.choose")}</p>
            <form method="post" action="/${link.code}">${buttons}</form>`
    }
    <p class="${LIGHT.hint}">${stableSentence(locale, "Link.free", { hours: env().STOPSMS_MAX_LAG_HOURS })}</p>
    ${whySection(locale, link)} ${sourceRefused} ${neverAgreed} ${refusedBefore ? html`` : report}`;
  return renderLightPageAnswer({ locale, title, currentPath: path, body });
}
