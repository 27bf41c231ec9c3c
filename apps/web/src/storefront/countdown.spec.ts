import fc from 'fast-check';
import { countdown, nextTickIn, URGENT_BELOW_MS } from './countdown';

const END = '2026-03-01T10:00:00.000Z';
const at = (msBefore: number) => Date.parse(END) - msBefore;

describe('countdown', () => {
  it.each([
    [15 * 60_000, '15:00', false, false],
    [15 * 60_000 - 1, '15:00', false, false],
    [61_000, '01:01', false, true],
    [999, '00:01', false, true],
    [1, '00:01', false, true],
    [0, '00:00', true, true],
    [-5_000, '00:00', true, true],
    [3_600_000 + 62_000, '1:01:02', false, false],
    [URGENT_BELOW_MS, '05:00', false, false],
  ])('%i ms before the end shows %s', (before, text, expired, urgent) => {
    const c = countdown(END, at(before));
    expect([c.text, c.expired, c.urgent]).toEqual([text, expired, urgent]);
    expect(c.remainingMs).toBe(Math.max(0, before));
  });

  it('refuses a time it cannot read', () => {
    expect(() => countdown('soon', 0)).toThrow(RangeError);
  });

  it('never goes up as the clock moves on', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000, max: 10 * 3_600_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        (before, step) => {
          const a = countdown(END, at(before));
          const b = countdown(END, at(before) + step);
          expect(b.remainingMs).toBeLessThanOrEqual(a.remainingMs);
        },
      ),
    );
  });

  it('ticks exactly when the shown second changes', () => {
    expect(nextTickIn(END, at(2_500))).toBe(500);
    expect(nextTickIn(END, at(2_000))).toBe(1000);
    expect(nextTickIn(END, at(0))).toBe(Infinity);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 * 3_600_000 }), (before) => {
        const now = at(before);
        const wait = nextTickIn(END, now);
        expect(countdown(END, now + wait - 1).text).toBe(countdown(END, now).text);
        expect(countdown(END, now + wait).text).not.toBe(countdown(END, now).text);
      }),
    );
  });
});
