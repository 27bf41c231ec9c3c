/**
 * The period a report covers: whole calendar days in China (Asia/Shanghai, UTC+8 all year,
 * no daylight saving), from `from` through `to` inclusive, as the half-open instant range
 * [start, end) the queries use.
 */

/** The longest period a report may span, in days (a leap year). */
export const MAX_REPORT_DAYS = 366;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export interface ReportPeriod {
  /** The first day, `YYYY-MM-DD` (China). */
  from: string;
  /** The last day, `YYYY-MM-DD` (China), included. */
  to: string;
  /** Midnight in China starting `from`. */
  start: Date;
  /** Midnight in China after `to` (excluded). */
  end: Date;
  /** How many days the period holds (1 when from = to). */
  days: number;
}

export type ReportPeriodResult = { ok: true; period: ReportPeriod } | { ok: false; reason: string };

/** Days since 1970-01-01 of a valid `YYYY-MM-DD`, or null (bad shape or no such day). */
export function dayNumber(date: string): number | null {
  const match = DATE.exec(date);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

/** The `YYYY-MM-DD` of a day number. */
export const dayOfNumber = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The moment day `day` (a day number) starts in China. */
export const shanghaiMidnight = (day: number): Date => new Date(day * DAY_MS - SHANGHAI_OFFSET_MS);

/** The China calendar day (`YYYY-MM-DD`) of an instant. */
export const shanghaiDay = (at: Date): string =>
  new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

/**
 * Checks and resolves `from`/`to`: both real dates, `to` not before `from`, at most
 * {@link MAX_REPORT_DAYS} days in all.
 */
export function parseReportPeriod(from: string, to: string): ReportPeriodResult {
  const first = dayNumber(from);
  if (first === null) return { ok: false, reason: `from: not a date (YYYY-MM-DD): ${from}` };
  const last = dayNumber(to);
  if (last === null) return { ok: false, reason: `to: not a date (YYYY-MM-DD): ${to}` };
  if (last < first) return { ok: false, reason: `to (${to}) is before from (${from})` };
  const days = last - first + 1;
  if (days > MAX_REPORT_DAYS)
    return { ok: false, reason: `the period spans ${days} days; at most ${MAX_REPORT_DAYS}` };
  return {
    ok: true,
    period: { from, to, start: shanghaiMidnight(first), end: shanghaiMidnight(last + 1), days },
  };
}

export const REPORT_INTERVALS = ['day', 'month'] as const;
export type ReportInterval = (typeof REPORT_INTERVALS)[number];

/** Every bucket of the period, in order: `YYYY-MM-DD` per day, or `YYYY-MM` per month. */
export function periodBuckets(period: Pick<ReportPeriod, 'from' | 'to'>, interval: ReportInterval): string[] {
  const first = dayNumber(period.from);
  const last = dayNumber(period.to);
  if (first === null || last === null) throw new Error('invalid period');
  const buckets: string[] = [];
  for (let day = first; day <= last; day += 1) {
    const key = interval === 'day' ? dayOfNumber(day) : dayOfNumber(day).slice(0, 7);
    if (buckets[buckets.length - 1] !== key) buckets.push(key);
  }
  return buckets;
}
