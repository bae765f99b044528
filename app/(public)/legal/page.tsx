import { getTranslations } from "next-intl/server";
import { PageShell } from "@/components/page-shell";
import { env } from "@/lib/env";

const SECTIONS = ["operator", "purpose", "data", "retention", "recipients", "rights", "cookies"] as const;

export default async function LegalPage() {
  const t = await getTranslations("Legal");
  const r = env();
  // The periods the retention job applies (lib/jobs/purge-expired-data.ts), from the same configuration.
  const retention = {
    links: r.STOPSMS_RETAIN_LINKS_DAYS,
    logs: r.STOPSMS_RETAIN_ACCESS_LOG_MONTHS,
    codes: r.STOPSMS_RETAIN_CODES_DAYS,
    complaints: r.STOPSMS_RETAIN_CLOSED_COMPLAINTS_YEARS,
  };
  return (
    <PageShell path="/legal">
      <h1 className="text-2xl font-bold text-brand-800">{t("title")}</h1>
      {SECTIONS.map((section) => (
        <section key={section} className="mt-6">
          <h2 className="text-xl font-semibold">{t(`${section}Title`)}</h2>
          <p className="mt-2 leading-relaxed">{section === "retention" ? t("retention", retention) : t(section)}</p>
        </section>
      ))}
    </PageShell>
  );
}
