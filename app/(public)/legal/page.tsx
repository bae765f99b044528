import { getTranslations } from "next-intl/server";
import { PageShell } from "@/components/page-shell";

const SECTIONS = ["operator", "purpose", "data", "retention", "recipients", "rights", "cookies"] as const;

export default async function LegalPage() {
  const t = await getTranslations("Legal");
  return (
    <PageShell path="/legal">
      <h1 className="text-2xl font-bold text-brand-800">{t("title")}</h1>
      {SECTIONS.map((section) => (
        <section key={section} className="mt-6">
          <h2 className="text-xl font-semibold">{t(`${section}Title`)}</h2>
          <p className="mt-2 leading-relaxed">{t(section)}</p>
        </section>
      ))}
    </PageShell>
  );
}
