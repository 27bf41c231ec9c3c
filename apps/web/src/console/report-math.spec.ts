import { barPercents, formatRate, recentPeriod } from './report-math';

describe('barPercents', () => {
  it.each<[number[], number[]]>([
    [[], []],
    [
      [0, 0],
      [0, 0],
    ],
    [
      [50, 100, 25],
      [50, 100, 25],
    ],
    // A tiny non-zero value still shows; zero does not.
    [
      [1, 1000, 0],
      [1, 100, 0],
    ],
    [
      [3, 7],
      [43, 100],
    ],
  ])('%j → %j', (values, percents) => expect(barPercents(values)).toEqual(percents));
});

describe('recentPeriod', () => {
  it('counts Shanghai days, today included', () => {
    // 2026-03-01 17:00 UTC is already 2 March in Shanghai.
    expect(recentPeriod(new Date('2026-03-01T17:00:00Z'), 30)).toEqual({
      from: '2026-02-01',
      to: '2026-03-02',
    });
    expect(recentPeriod(new Date('2026-03-01T15:59:00Z'), 1)).toEqual({
      from: '2026-03-01',
      to: '2026-03-01',
    });
  });
});

describe('formatRate', () => {
  it.each<[number | null, string]>([
    [null, '—'],
    [0, '0.0%'],
    [0.4567, '45.7%'],
    [1, '100.0%'],
  ])('%s → %s', (rate, shown) => expect(formatRate(rate)).toBe(shown));
});
