import { todayInMorocco } from "@/lib/stats/date-range";
import { addDays, mondayOf } from "./open-period";

// The open figures are published on a fixed grid of periods, never for an arbitrary range: an ISO week
// (`2026-W48`, Monday to Sunday, Moroccan time) or a calendar month (`2026-11`), finished ones only, over the
// last 13 months. A grid cell's figures do not depend on who asked or when (until it ages out), so two
// publications never differ by a day of one sender (issue 23: nested week ranges gave a sender's 5–8 by
// subtraction), and the work per request is bounded by the grid, not by the range someone typed.

export type GridKind = "week" | "month";

export interface GridPeriod {
  kind: GridKind;
  /** `2026-W48` or `2026-11`. */
  id: string;
  from: string;
  to: string;
}

export const WINDOW_MONTHS = 13;

function isoWeekId(monday: string): string {
  const thursday = new Date(`${addDays(monday, 3)}T00:00:00Z`);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

function mondayOfIsoWeek(id: string): string | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(id);
  if (!match) return null;
  const jan4 = `${match[1]}-01-04`; // ISO week 1 is the week holding 4 January
  const monday = addDays(mondayOf(jan4), (Number(match[2]) - 1) * 7);
  return isoWeekId(monday) === id ? monday : null;
}

const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
const monthEnd = (first: string) => addDays(addMonths(first, 1), -1);
function addMonths(first: string, months: number): string {
  const date = new Date(`${first}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
}

export const weekPeriod = (monday: string): GridPeriod => ({
  kind: "week",
  id: isoWeekId(monday),
  from: monday,
  to: addDays(monday, 6),
});
export const monthPeriod = (first: string): GridPeriod => ({
  kind: "month",
  id: first.slice(0, 7),
  from: first,
  to: monthEnd(first),
});

/** Every period published now: the finished weeks and months of the window, newest first. */
export function gridPeriods(now = new Date()): {
  weeks: GridPeriod[];
  months: GridPeriod[];
  days: { from: string; to: string };
} {
  const lastMonth = addMonths(monthStart(todayInMorocco(now)), -1);
  const months = Array.from({ length: WINDOW_MONTHS }, (_, i) => monthPeriod(addMonths(lastMonth, -i)));
  const firstDay = mondayOf(months.at(-1)!.from);
  const weeks: GridPeriod[] = [];
  for (let monday = addDays(mondayOf(todayInMorocco(now)), -7); monday >= firstDay; monday = addDays(monday, -7))
    weeks.push(weekPeriod(monday));
  // The days every published period covers (the lattice of lib/open-data/open-lattice.ts): all finished.
  const to = weeks[0]!.to > months[0]!.to ? weeks[0]!.to : months[0]!.to;
  return { weeks, months, days: { from: firstDay, to } };
}

/**
 * The period a query names: `period=2026-W48` or `period=2026-11`; the old presets map onto the grid
 * (`range=7d` the last finished week, `30d`/`90d`/`custom` the last finished month). Anything else, or a
 * period outside the window, is null (the caller answers 422 with the periods it may ask for).
 */
export function parseGridPeriod(params: { period?: string; range?: string }, now = new Date()): GridPeriod | null {
  const { weeks, months } = gridPeriods(now);
  if (params.period === undefined) return params.range === "7d" || params.range === undefined ? weeks[0]! : months[0]!;
  const monday = mondayOfIsoWeek(params.period);
  const found = monday ? weeks.find((w) => w.from === monday) : months.find((m) => m.id === params.period);
  return found ?? null;
}

/**
 * The month whose senders and sectors go with a period: itself, or for a week the month of its Thursday (the
 * ISO rule for which year a week belongs to), or the last finished month while that one runs.
 */
export function senderMonthOf(period: GridPeriod, now = new Date()): GridPeriod {
  if (period.kind === "month") return period;
  const { months } = gridPeriods(now);
  const id = addDays(period.from, 3).slice(0, 7);
  return months.find((m) => m.id === id) ?? months[0]!;
}
