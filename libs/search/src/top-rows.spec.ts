import fc from 'fast-check';
import { TopRows } from './top-rows';

describe('TopRows', () => {
  it('keeps the largest keys offered, largest first', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 60 }),
        (capacity, keys) => {
          const top = new TopRows(capacity);
          for (const key of keys) top.offer(key);
          const expected = [...keys].sort((a, b) => b - a).slice(0, capacity);
          expect(top.sorted()).toEqual(expected);
          expect(top.size).toBe(expected.length);
          expect(top.full).toBe(keys.length >= capacity);
          expect(top.worst).toBe(expected.length === 0 ? -Infinity : expected.at(-1));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('holds keys of 53 bits exactly', () => {
    const top = new TopRows(2);
    for (const key of [2 ** 53 - 3, 2 ** 53 - 1, 2 ** 53 - 2]) top.offer(key);
    expect(top.sorted()).toEqual([2 ** 53 - 1, 2 ** 53 - 2]);
  });

  it('refuses a capacity below 1', () => {
    expect(() => new TopRows(0)).toThrow(RangeError);
  });
});
