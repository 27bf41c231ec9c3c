import { formatShopDate, formatShopTime } from './time';

describe('shop times (Asia/Shanghai, UTC+8 all year)', () => {
  it.each([
    ['2025-03-01T01:05:00Z', '2025-03-01 09:05'],
    // Late evening UTC is already the next day in Shanghai.
    ['2025-12-31T16:30:00Z', '2026-01-01 00:30'],
    ['2025-07-01T15:59:00Z', '2025-07-01 23:59'],
  ])('%s → %s', (iso, shown) => {
    expect(formatShopTime(iso)).toBe(shown);
    expect(formatShopTime(new Date(iso), 'en')).toBe(shown);
  });

  it('gives the Shanghai calendar day', () => {
    expect(formatShopDate('2025-12-31T16:30:00Z')).toBe('2026-01-01');
    expect(formatShopDate('2025-12-31T15:30:00Z', 'en')).toBe('2025-12-31');
  });
});
