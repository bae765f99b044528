import { getTranslations } from "next-intl/server";
import { DATASETS } from "@/lib/open-data/datasets";
import { LICENCE } from "@/lib/open-data/read-open-data";

/** /statistics's last two sections: each dataset of the period shown, as JSON and CSV; how figures are made. */
export async function DownloadsAndMethod({ periodId }: { periodId: string }) {
  const t = await getTranslations("Statistics");
  const query = `period=${periodId}`;
  return (
    <>
      <section aria-labelledby="downloads" className="mt-8">
        <h2 id="downloads" className="text-xl font-semibold">
          {t("downloadsTitle")}
        </h2>
        <p className="mt-1">{t("downloads")}</p>
        <ul className="mt-2 list-disc space-y-1 ps-6" dir="ltr">
          <li>
            <a className="text-brand-800 underline" href="/api/open/v1/datasets.json">
              datasets.json
            </a>
          </li>
          {Object.keys(DATASETS).map((name) => (
            <li key={name}>
              {name}:{" "}
              <a className="text-brand-800 underline" href={`/api/open/v1/${name}.json?${query}`}>
                JSON
              </a>{" "}
              ·{" "}
              <a className="text-brand-800 underline" href={`/api/open/v1/${name}.csv?${query}`}>
                CSV
              </a>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="method" className="mt-8">
        <h2 id="method" className="text-xl font-semibold">
          {t("methodologyTitle")}
        </h2>
        <p className="mt-2 leading-relaxed">{t("methodology")}</p>
        <p className="mt-2 leading-relaxed">{t("licence", { licence: LICENCE.name })}</p>
      </section>
    </>
  );
}
