const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Whether `text` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `today` (`YYYY-MM-DD`) plus a duration, rounded up to whole days, as `YYYY-MM-DD`. */
export function addDuration(today: string, durationMs: number): string {
  const start = Date.parse(`${today}T00:00:00Z`);
  return new Date(start + Math.ceil(durationMs / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

/** The calendar date of an instant in China (UTC+8, no daylight saving), `YYYY-MM-DD`. */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
