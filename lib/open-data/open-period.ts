// Day arithmetic on YYYY-MM-DD strings (Moroccan days, as the rollups keep them).

export function addDays(isoDay: string, days: number): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function mondayOf(isoDay: string): string {
  const weekday = (new Date(`${isoDay}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(isoDay, -weekday);
}

export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) out.push(day);
  return out;
}
