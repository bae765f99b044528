import { getTranslations } from "next-intl/server";

type Option = { id: string; label: string };

/** The published periods to choose from (a plain GET form: no script). */
export async function PeriodForm({ selected, weeks, months }: { selected: string; weeks: Option[]; months: Option[] }) {
  const t = await getTranslations("Statistics");
  return (
    <form method="get" className="mt-4 flex flex-wrap items-end gap-2 rounded border border-slate-200 p-3">
      <label className="flex min-w-0 max-w-full flex-col text-sm font-semibold">
        {t("period")}
        <select
          name="period"
          defaultValue={selected}
          className="mt-1 min-h-11 w-full max-w-full rounded border-2 border-slate-500 px-2"
        >
          <optgroup label={t("weeks")}>
            {weeks.map((w) => (
              <option key={w.id} value={w.id}>
                {w.label}
              </option>
            ))}
          </optgroup>
          <optgroup label={t("months")}>
            {months.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <button type="submit" className="min-h-11 rounded-lg bg-brand-700 px-4 font-semibold text-white">
        {t("show")}
      </button>
    </form>
  );
}
