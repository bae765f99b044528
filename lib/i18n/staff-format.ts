// The staff area's one number, date and duration format (French, the staff's working language). Numbers:
// French grouping with a narrow no-break space and a decimal comma ("3 200,5"; fr-MA's "3.200" reads as
// a decimal). Dates: "24/11/2026", with the time "24/11/2026 14:05", Moroccan time; chart ticks "24 nov.".
import { TIME_ZONE as MOROCCO_TIME_ZONE } from "@/lib/time-zone";

const numbers = new Intl.NumberFormat("fr");
const decimals = new Intl.NumberFormat("fr", { maximumFractionDigits: 1 });
const dates = new Intl.DateTimeFormat("fr-MA", { dateStyle: "short", timeZone: MOROCCO_TIME_ZONE });
const dateTimes = new Intl.DateTimeFormat("fr-MA", {
  dateStyle: "short",
  timeStyle: "short",
  timeZone: MOROCCO_TIME_ZONE,
});
const ticks = new Intl.DateTimeFormat("fr-MA", { day: "numeric", month: "short", timeZone: "UTC" });

export const formatNumber = (value: number) => numbers.format(value);
export const formatDecimal = (value: number) => decimals.format(value);
export const formatDate = (date: Date | null) => (date ? dates.format(date) : "—");
export const formatDateTime = (date: Date | null) => (date ? dateTimes.format(date) : "—");
const days = new Intl.DateTimeFormat("fr-MA", { dateStyle: "short", timeZone: "UTC" });
/** A calendar day (YYYY-MM-DD, already Moroccan): "24/11/2026", never the ISO form. */
export const formatDay = (isoDay: string) => days.format(new Date(`${isoDay}T12:00:00Z`));
/** Every ISO timestamp inside a text (a recorded fact, a window "from – to") as Moroccan date and time. */
export const formatTimestampsIn = (text: string) =>
  text.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g, (iso) =>
    dateTimes.format(new Date(iso)),
  );
/** A rollup day (YYYY-MM-DD, already Moroccan) as a chart tick: "24 nov.". */
export const formatTickDay = (isoDay: string) => ticks.format(new Date(`${isoDay}T12:00:00Z`));

/** Hours as days and hours: "3 j 4 h", "5 h", "0 h"; a lag of 2 160 h reads as "90 j". */
export function formatDuration(hours: number): string {
  const whole = Math.max(0, Math.round(hours));
  const days = Math.floor(whole / 24);
  const rest = whole % 24;
  if (days === 0) return `${rest} h`;
  return rest === 0 ? `${formatNumber(days)} j` : `${formatNumber(days)} j ${rest} h`;
}
