import { z } from "zod";
import { moroccanDay } from "@/lib/time-zone";

export interface DateRange {
  /** First and last day included, as YYYY-MM-DD in Moroccan time (the rollups' days). */
  from: string;
  to: string;
  preset: "7d" | "30d" | "90d" | "custom";
}

const day = z.iso.date();

export function todayInMorocco(now: Date): string {
  return moroccanDay(now);
}

function minusDays(isoDay: string, days: number): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/** The dashboard's range from its query string; anything odd falls back to the last 30 days. */
export function parseDateRange(params: { range?: string; from?: string; to?: string }, now = new Date()): DateRange {
  const today = todayInMorocco(now);
  if (params.range === "custom") {
    const from = day.safeParse(params.from);
    const to = day.safeParse(params.to);
    if (from.success && to.success && from.data <= to.data && to.data <= today && from.data >= minusDays(today, 3660)) {
      return { from: from.data, to: to.data, preset: "custom" };
    }
  }
  const preset = params.range === "7d" || params.range === "90d" ? params.range : "30d";
  const days = { "7d": 7, "30d": 30, "90d": 90 }[preset];
  return { from: minusDays(today, days - 1), to: today, preset };
}

export function rangeQuery(range: DateRange): string {
  return range.preset === "custom" ? `range=custom&from=${range.from}&to=${range.to}` : `range=${range.preset}`;
}
