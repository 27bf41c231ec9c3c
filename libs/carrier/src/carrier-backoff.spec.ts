import fc from 'fast-check';
import { carrierRetryDelay } from './carrier-backoff';

const settings = { baseMs: 5_000, maxMs: 600_000 };

describe('carrierRetryDelay', () => {
  it.each([
    // attempts, random, expected
    [0, 0, 2_500],
    [0, 1, 5_000],
    [1, 0, 5_000],
    [1, 1, 10_000],
    [3, 0.5, 30_000],
    [7, 1, 600_000], // 640 s capped at 600 s
    [50, 0, 300_000],
    [-1, 1, 5_000],
  ])('after %i attempts with jitter %f waits %i ms', (attempts, random, expected) => {
    expect(carrierRetryDelay(attempts, settings, random)).toBe(expected);
  });

  it('stays between half the capped step and the cap, and never shrinks as attempts grow', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.integer({ min: 10, max: 60_000 }),
        fc.integer({ min: 1, max: 100 }),
        (attempts, random, baseMs, factor) => {
          const maxMs = baseMs * factor;
          const delay = carrierRetryDelay(attempts, { baseMs, maxMs }, random);
          const step = Math.min(maxMs, baseMs * 2 ** Math.min(attempts, 30));
          expect(delay).toBeGreaterThanOrEqual(Math.floor(step / 2));
          expect(delay).toBeLessThanOrEqual(maxMs);
          expect(carrierRetryDelay(attempts + 1, { baseMs, maxMs }, random)).toBeGreaterThanOrEqual(delay);
        },
      ),
    );
  });
});
