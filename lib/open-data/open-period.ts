import { todayInMorocco, type DateRange } from "@/lib/stats/date-range";

// What period the open figures cover for a requested range (issue 14, "differences between two published
// figures must not reveal a suppressed cell for a single day and sender"):
// - Days: whole weeks (Monday to Sunday, Moroccan time) and only finished days, so a day's figures and
//   whether each is hidden do not depend on the range asked (the running week's may still change until
//   Sunday; they have no sender in them).
// - Senders and sectors: finished weeks only. With days as the unit, the figures for 1–8 and 1–9 March (or
//   today's and tomorrow's publication of "this week") would differ by one day of one sender.
// A range that does not reach a finished week yet shows the last finished one.

export interface OpenPeriod {
  /** Days published: Monday of the first week to yesterday or the last Sunday asked. */
  days: { from: string; to: string };
  /** Finished weeks only: the period of the senders' and sectors' figures. */
  weeks: { from: string; to: string };
  /** Mondays of the weeks the days touch, in order. */
  mondays: string[];
}

export function addDays(isoDay: string, days: number): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function mondayOf(isoDay: string): string {
  const weekday = (new Date(`${isoDay}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(isoDay, -weekday);
}

const min = (a: string, b: string) => (a < b ? a : b);

export function openPeriod(range: Pick<DateRange, "from" | "to">, now = new Date()): OpenPeriod {
  const yesterday = addDays(todayInMorocco(now), -1);
  const lastSunday = addDays(mondayOf(todayInMorocco(now)), -1);
  const sundayAfter = addDays(mondayOf(range.to), 6);
  const daysTo = min(sundayAfter, yesterday);
  const weeksTo = min(sundayAfter, lastSunday);
  const days = { from: min(mondayOf(range.from), mondayOf(daysTo)), to: daysTo };
  const weeks = { from: min(mondayOf(range.from), mondayOf(weeksTo)), to: weeksTo };
  const mondays: string[] = [];
  for (let monday = days.from; monday <= days.to; monday = addDays(monday, 7)) mondays.push(monday);
  return { days, weeks, mondays };
}

export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) out.push(day);
  return out;
}
