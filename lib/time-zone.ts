/**
 * Morocco's time zone: the days of the rollups, the deadlines, the dates citizens and staff read, the
 * schedules of the jobs. One constant (client components import it too, so nothing server-only here).
 */
export const TIME_ZONE = "Africa/Casablanca";
