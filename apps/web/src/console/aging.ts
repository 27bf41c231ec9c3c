import type { Locale } from '../i18n/messages';

const MINUTE = 60;
const HOUR = 3_600;
const DAY = 86_400;

/**
 * How long an order has been somewhere, as a salesperson reads it at a glance: the two
 * largest units only (`3天4小时`, `2h 5m`), floored so nothing looks older than it is.
 */
export function formatAge(seconds: number | null | undefined, locale: Locale): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.floor(seconds));
  const units: [number, string, string][] = [
    [Math.floor(s / DAY), '天', 'd'],
    [Math.floor((s % DAY) / HOUR), '小时', 'h'],
    [Math.floor((s % HOUR) / MINUTE), '分钟', 'm'],
  ];
  const first = units.findIndex(([n]) => n > 0);
  if (first === -1) return locale === 'zh-CN' ? '不到1分钟' : '< 1m';
  return units
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, zh, en]) => (locale === 'zh-CN' ? `${n}${zh}` : `${n}${en}`))
    .join(locale === 'zh-CN' ? '' : ' ');
}

/** Aging bands of the board: fine, getting old (over a day), stale (over three days). */
export type AgeBand = 'fresh' | 'ageing' | 'stale';

export function ageBand(seconds: number | null | undefined): AgeBand {
  if (seconds === null || seconds === undefined) return 'fresh';
  if (seconds > 3 * DAY) return 'stale';
  if (seconds > DAY) return 'ageing';
  return 'fresh';
}
