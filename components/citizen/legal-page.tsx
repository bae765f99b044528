import type { Env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { formatDay, translatorIn } from "@/lib/i18n/translator";
import { CODE_RULES } from "@/lib/verification/rules";

// Change with the text: the date citizens see as "last updated".
const LEGAL_TEXT_UPDATED = "2026-11-24";

const SECTIONS = [
  "operator",
  "purpose",
  "data",
  "retention",
  "recipients",
  "rights",
  "cookies",
  "accessibility",
  "contact",
] as const;

const EMAIL = /([\w.+-]+@[\w-]+(?:\.[\w-]+)+)/;

/** A text with its e-mail addresses as mailto links. */
function withMailLinks(text: string) {
  return text.split(EMAIL).map((part, i) =>
    i % 2 === 1 ? (
      <a key={i} href={`mailto:${part}`} className="text-brand-800 underline">
        {part}
      </a>
    ) : (
      part
    ),
  );
}

/** Who runs StopSMS, what it keeps and for how long, and the citizen's rights: from the live configuration. */
export function LegalPage({ locale, config: r }: { locale: Locale; config: Env }) {
  const t = translatorIn(locale, "Legal");
  // The periods the retention job applies (lib/jobs/purge-expired-data.ts), from the same configuration.
  const retention = {
    links: r.STOPSMS_RETAIN_LINKS_DAYS,
    logs: r.STOPSMS_RETAIN_ACCESS_LOG_MONTHS,
    codes: r.STOPSMS_RETAIN_CODES_DAYS,
    complaints: r.STOPSMS_RETAIN_CLOSED_COMPLAINTS_YEARS,
  };
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-800">{t("title")}</h1>
      {SECTIONS.map((section) => (
        <section key={section} className="mt-6">
          <h2 className="text-xl font-semibold">{t(`${section}Title`)}</h2>
          <p className="mt-2 leading-relaxed">
            {section === "retention"
              ? t("retention", retention)
              : section === "contact"
                ? withMailLinks(t("contact", { contact: r.STOPSMS_CONTROLLER_CONTACT }))
                : section === "cookies"
                  ? t("cookies", { session: CODE_RULES.sessionMinutes })
                  : t(section)}
          </p>
        </section>
      ))}
      <p className="mt-8 text-sm text-slate-700">{t("updated", { date: formatDay(locale, LEGAL_TEXT_UPDATED) })}</p>
    </>
  );
}
