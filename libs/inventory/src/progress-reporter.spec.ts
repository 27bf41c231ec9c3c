import type { ImportProgress } from './import-pipeline';
import { createProgressReporter, formatCount, formatDuration, formatProgress } from './progress-reporter';

const progress = (overrides: Partial<ImportProgress> = {}): ImportProgress => ({
  importId: 'id',
  linesRead: 2_520_000,
  added: 2_500_000,
  skipped: 19_990,
  rejected: 10,
  elapsedMs: 8_000,
  ratePerSecond: 315_000.4,
  ...overrides,
});

class FakeStream {
  written: string[] = [];
  constructor(readonly isTTY: boolean) {}
  write(text: string): boolean {
    this.written.push(text);
    return true;
  }
}

describe('format helpers', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [6_000_000, '6,000,000'],
    [1234.6, '1,235'],
  ])('formatCount(%d) = %s', (value, text) => {
    expect(formatCount(value)).toBe(text);
  });

  it.each([
    [0, '0:00'],
    [11_400, '0:11'],
    [65_000, '1:05'],
    [3_723_000, '1:02:03'],
  ])('formatDuration(%d) = %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('shows bar, percentage, counts, rate and ETA when the total is known', () => {
    expect(formatProgress(progress({ total: 6_000_000, etaMs: 11_000 }))).toBe(
      '[##########..............]  42.0%  2,520,000/6,000,000 lines  315,000/s  ETA 0:11  ' +
        'added 2,500,000, skipped 19,990, rejected 10',
    );
  });

  it('shows count and rate without a total', () => {
    expect(formatProgress(progress())).toBe(
      '2,520,000 lines  315,000/s  added 2,500,000, skipped 19,990, rejected 10',
    );
  });
});

describe('createProgressReporter', () => {
  it('redraws in place on a terminal, at most every 200 ms, and ends the line', () => {
    let now = 0;
    const stream = new FakeStream(true);
    const reporter = createProgressReporter(stream, { now: () => now });
    reporter.update(progress({ linesRead: 1 }));
    now = 150;
    reporter.update(progress({ linesRead: 2 }));
    now = 200;
    reporter.update(progress({ linesRead: 3 }));
    reporter.done();
    reporter.update(progress({ linesRead: 4 }));
    expect(stream.written).toEqual([
      `\r${formatProgress(progress({ linesRead: 1 }))}\x1b[K`,
      `\r${formatProgress(progress({ linesRead: 3 }))}\x1b[K`,
      `\r${formatProgress(progress({ linesRead: 3 }))}\x1b[K`,
      '\n',
    ]);
  });

  it('prints whole lines every 5 s in a log, and the final state given to done', () => {
    let now = 0;
    const stream = new FakeStream(false);
    const reporter = createProgressReporter(stream, { now: () => now });
    for (let t = 0; t <= 11_000; t += 1000) {
      now = t;
      reporter.update(progress({ linesRead: t }));
    }
    reporter.done(progress({ linesRead: 99 }));
    expect(stream.written).toEqual(
      [0, 5000, 10_000, 99].map((lines) => `${formatProgress(progress({ linesRead: lines }))}\n`),
    );
  });
});
