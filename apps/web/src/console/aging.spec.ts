import { ageBand, formatAge } from './aging';

describe('formatAge', () => {
  it.each<[number | null, string, string]>([
    [null, '—', '—'],
    [0, '不到1分钟', '< 1m'],
    [59, '不到1分钟', '< 1m'],
    [60, '1分钟', '1m'],
    [3_599, '59分钟', '59m'],
    [3_600, '1小时', '1h'],
    [3_660 + 59, '1小时1分钟', '1h 1m'],
    [86_400, '1天', '1d'],
    [86_400 + 3_600 * 4 + 60 * 30, '1天4小时', '1d 4h'],
    // Minutes are dropped once days show; a zero middle unit is left out.
    [3 * 86_400 + 60 * 5, '3天', '3d'],
    [-5, '不到1分钟', '< 1m'],
  ])('%s s', (seconds, zh, en) => {
    expect(formatAge(seconds, 'zh-CN')).toBe(zh);
    expect(formatAge(seconds, 'en')).toBe(en);
  });
});

describe('ageBand', () => {
  it.each<[number | null, string]>([
    [null, 'fresh'],
    [86_400, 'fresh'],
    [86_401, 'ageing'],
    [3 * 86_400, 'ageing'],
    [3 * 86_400 + 1, 'stale'],
  ])('%s s → %s', (seconds, band) => expect(ageBand(seconds)).toBe(band));
});
