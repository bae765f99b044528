/**
 * Morocco's time zone: the days of the rollups, the deadlines, the dates citizens and staff read, the
 * schedules of the jobs. One constant (client components import it too, so nothing server-only here).
 */
export const TIME_ZONE = "Africa/Casablanca";

const offsetFormat = new Intl.DateTimeFormat("en-US", { timeZone: TIME_ZONE, timeZoneName: "longOffset" });

/** Minutes Morocco is ahead of UTC at that instant: 60 most of the year, 0 during Ramadan. */
function offsetMinutes(at: Date): number {
  const name = offsetFormat.formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

const dayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE });

/** The Moroccan day (YYYY-MM-DD) an instant falls on. */
export function moroccanDay(at: Date): string {
  return dayFormat.format(at);
}

/** The instant a Moroccan day (YYYY-MM-DD) begins, in the zone's offset of that day (never a fixed +01:00). */
export function moroccanMidnight(day: string): Date {
  const utcMidnight = new Date(`${day}T00:00:00Z`);
  return new Date(utcMidnight.getTime() - offsetMinutes(utcMidnight) * 60_000);
}

/** The instant the Moroccan day after `day` begins: the end (exclusive) of `day`, 23, 24 or 25 hours later. */
export function moroccanDayEnd(day: string): Date {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return moroccanMidnight(next.toISOString().slice(0, 10));
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
// "2026-02-30" is a valid date string to Date.parse (it rolls over): the day must come back as typed.
const isDay = (day: string | undefined): day is string => {
  if (!day || !DAY.test(day)) return false;
  const at = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(at) && new Date(at).toISOString().startsWith(day);
};

/**
 * A filter's days (YYYY-MM-DD, Moroccan, both included) as instants `{ gte, lt }` for a query, or undefined
 * when neither is a real day: anything else a visitor typed is ignored, never an error.
 */
export function moroccanDayRange(from?: string, to?: string): { gte?: Date; lt?: Date } | undefined {
  const range = {
    ...(isDay(from) ? { gte: moroccanMidnight(from) } : {}),
    ...(isDay(to) ? { lt: moroccanDayEnd(to) } : {}),
  };
  return Object.keys(range).length ? range : undefined;
}
