const DAY_MS = 86_400_000;
const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const pad3 = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

// Snapshot pages format 50 000 timestamps each; rows come in creation order, so most share their day.
let cachedDay = Number.NaN;
let cachedDate = "";

/** `new Date(ms).toISOString()` (always `YYYY-MM-DDTHH:mm:ss.sssZ` for these dates), about 5× faster. */
export function isoFromEpochMs(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedDate = new Date(day * DAY_MS).toISOString().slice(0, 11);
  }
  const inDay = ms - day * DAY_MS;
  const h = Math.floor(inDay / 3_600_000);
  const m = Math.floor(inDay / 60_000) % 60;
  const s = Math.floor(inDay / 1000) % 60;
  return `${cachedDate}${pad2(h)}:${pad2(m)}:${pad2(s)}.${pad3(inDay % 1000)}Z`;
}
