/** The width of each bar, in percent of the largest value (a chart without a chart library). */
export function barPercents(values: readonly number[]): number[] {
  const max = Math.max(0, ...values);
  return values.map((v) => (max > 0 && v > 0 ? Math.max(1, Math.round((v / max) * 100)) : 0));
}

const DAY_MS = 86_400_000;
// China has kept UTC+8 all year since 1991: the Shanghai calendar day is the UTC day 8 h later.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const shanghaiDay = (ms: number) => new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

/** The report period the page opens with: the last `days` Shanghai calendar days, today included. */
export function recentPeriod(now: Date, days = 30): { from: string; to: string } {
  return { from: shanghaiDay(now.getTime() - (days - 1) * DAY_MS), to: shanghaiDay(now.getTime()) };
}

/** `0.4567` → `45.7%`; null (nothing to convert from) → `—`. */
export function formatRate(rate: number | null): string {
  return rate === null || !Number.isFinite(rate) ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}
