import type { Locale } from '../i18n/messages';

/** Every time the shop shows is China Standard Time, wherever the browser is. */
export const SHOP_TIME_ZONE = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}:${withTime}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', {
      timeZone: SHOP_TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    });
    formatters.set(key, f);
  }
  return f;
}

// Fixed, locale-independent shape: `2025-03-01 09:05` reads the same in both languages and
// sorts as text; Intl only supplies the Asia/Shanghai wall-clock parts.
function parts(date: Date, locale: Locale, withTime: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { type, value } of formatter(locale, withTime).formatToParts(date)) out[type] = value;
  return out;
}

/** `2025-03-01 09:05` in Asia/Shanghai, from an ISO string or a Date. */
export function formatShopTime(value: string | Date, locale: Locale = 'zh-CN'): string {
  const p = parts(new Date(value), locale, true);
  return `${p['year']}-${p['month']}-${p['day']} ${p['hour']}:${p['minute']}`;
}

/** `2025-03-01`: the calendar day in Asia/Shanghai. */
export function formatShopDate(value: string | Date, locale: Locale = 'zh-CN'): string {
  const p = parts(new Date(value), locale, false);
  return `${p['year']}-${p['month']}-${p['day']}`;
}
