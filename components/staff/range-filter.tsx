import type { DateRange } from "@/lib/stats/date-range";
import { fieldClass, secondaryButtonClass } from "./ui";

/** A GET form: every widget and export follows the same query string. Works without JavaScript. */
export function RangeFilter({ range, action }: { range: DateRange; action: string }) {
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-3" aria-label="Période">
      <div>
        <label htmlFor="range" className="block text-sm font-semibold">
          Période
        </label>
        <select id="range" name="range" defaultValue={range.preset} className={fieldClass}>
          <option value="7d">7 derniers jours</option>
          <option value="30d">30 derniers jours</option>
          <option value="90d">90 derniers jours</option>
          <option value="custom">Dates choisies</option>
        </select>
      </div>
      <div>
        <label htmlFor="from" className="block text-sm font-semibold">
          Du
        </label>
        <input id="from" name="from" type="date" defaultValue={range.from} className={fieldClass} />
      </div>
      <div>
        <label htmlFor="to" className="block text-sm font-semibold">
          Au
        </label>
        <input id="to" name="to" type="date" defaultValue={range.to} className={fieldClass} />
      </div>
      <button type="submit" className={secondaryButtonClass}>
        Appliquer
      </button>
    </form>
  );
}
