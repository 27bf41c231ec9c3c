import fc from 'fast-check';
import { dayNumber, parseReportPeriod, periodBuckets, shanghaiDay } from './report-period';

describe('parseReportPeriod', () => {
  it.each([
    ['2026-01-01', '2026-01-01', '2025-12-31T16:00:00.000Z', '2026-01-01T16:00:00.000Z', 1],
    ['2026-01-01', '2026-01-31', '2025-12-31T16:00:00.000Z', '2026-01-31T16:00:00.000Z', 31],
    ['2024-01-01', '2024-12-31', '2023-12-31T16:00:00.000Z', '2024-12-31T16:00:00.000Z', 366],
  ])('%s..%s is [%s, %s), %i days', (from, to, start, end, days) => {
    const result = parseReportPeriod(from, to);
    expect(result).toEqual({
      ok: true,
      period: { from, to, start: new Date(start), end: new Date(end), days },
    });
  });

  it.each([
    ['2026-01-02', '2026-01-01', 'before'],
    ['2024-01-01', '2025-01-01', '367 days'],
    ['2026-02-30', '2026-03-01', 'from: not a date'],
    ['2026-01-01', '2026-1-2', 'to: not a date'],
    ['', '2026-01-01', 'from: not a date'],
    ['2026-01-01T00:00', '2026-01-02', 'from: not a date'],
  ])('refuses %s..%s (%s)', (from, to, reason) => {
    const result = parseReportPeriod(from, to);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(reason);
  });

  it('accepts exactly the periods of 1 to 366 days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: -5, max: 400 }), (start, length) => {
        const from = new Date(start * 86_400_000).toISOString().slice(0, 10);
        const to = new Date((start + length) * 86_400_000).toISOString().slice(0, 10);
        const result = parseReportPeriod(from, to);
        expect(result.ok).toBe(length >= 0 && length < 366);
        if (result.ok)
          expect(result.period.end.getTime() - result.period.start.getTime()).toBe((length + 1) * 86_400_000);
      }),
    );
  });
});

describe('China days', () => {
  it.each([
    ['2026-01-31T15:59:59.999Z', '2026-01-31'],
    ['2026-01-31T16:00:00.000Z', '2026-02-01'],
  ])('%s is %s in Shanghai', (at, day) => expect(shanghaiDay(new Date(at))).toBe(day));

  it('knows real dates', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2024-02-29')).not.toBeNull();
    expect(dayNumber('2025-02-29')).toBeNull();
  });
});

describe('periodBuckets', () => {
  it('lists days and months of the period', () => {
    expect(periodBuckets({ from: '2026-01-30', to: '2026-02-02' }, 'day')).toEqual([
      '2026-01-30',
      '2026-01-31',
      '2026-02-01',
      '2026-02-02',
    ]);
    expect(periodBuckets({ from: '2025-12-31', to: '2026-02-01' }, 'month')).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
  });
});
