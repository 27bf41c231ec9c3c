import fc from 'fast-check';
import { parseNumber } from '@haoma/domain';
import { BLOCK_SIZE, generateNumbers, shuffleSubscriber } from './generate-numbers';

describe('generateNumbers', () => {
  it('without a seed counts up from start', () => {
    expect([...generateNumbers({ block: '4008', count: 3 })]).toEqual([
      '4008000000',
      '4008000001',
      '4008000002',
    ]);
    expect([...generateNumbers({ block: '4001', count: 2, start: 999_998 })]).toEqual([
      '4001999998',
      '4001999999',
    ]);
  });

  it('with a seed is deterministic, and the seed matters', () => {
    const a = [...generateNumbers({ block: '4006', count: 5, seed: 'demo' })];
    expect([...generateNumbers({ block: '4006', count: 5, seed: 'demo' })]).toEqual(a);
    expect([...generateNumbers({ block: '4006', count: 5, seed: 'demo2' })]).not.toEqual(a);
    expect([...generateNumbers({ block: '4006', count: 5, seed: 42 })]).toEqual([
      ...generateNumbers({ block: '4006', count: 5, seed: '42' }),
    ]);
  });

  it('with a seed, start continues the same sequence', () => {
    const first = [...generateNumbers({ block: '4008', count: 10, seed: 's' })];
    expect([...generateNumbers({ block: '4008', count: 4, start: 6, seed: 's' })]).toEqual(first.slice(6));
  });

  it('shuffles the whole block: every number exactly once, spread out', () => {
    const numbers = [...generateNumbers({ block: '4009', count: BLOCK_SIZE, seed: 'full' })];
    expect(new Set(numbers).size).toBe(BLOCK_SIZE);
    expect(numbers.every((n) => /^4009\d{6}$/.test(n))).toBe(true);
    // The first thousand land all over the block, not in one corner of it.
    const firstThousand = numbers.slice(0, 1000).map((n) => Number(n.slice(4)));
    const tenths = new Set(firstThousand.map((n) => Math.floor(n / 100_000)));
    expect(tenths.size).toBe(10);
    expect(firstThousand.some((n, i) => i > 0 && n < (firstThousand[i - 1] ?? 0))).toBe(true);
  });

  it('produces numbers the parser accepts', () => {
    for (const number of generateNumbers({ block: '4007', count: 200, seed: 'p' })) {
      expect(parseNumber(number)).toEqual({ ok: true, digits: number });
    }
  });

  it.each([
    [{ block: '4005', count: 1 }, 'Unknown block "4005"; known blocks: 4000, 4001, 4006, 4007, 4008, 4009'],
    [{ block: '400', count: 1 }, 'Unknown block "400"'],
    [{ block: '4008', count: 0 }, 'count must be an integer from 1 to 1,000,000; got 0'],
    [{ block: '4008', count: 1_000_001 }, 'count must be an integer from 1 to 1,000,000; got 1000001'],
    [{ block: '4008', count: 1.5 }, 'count must be an integer'],
    [{ block: '4008', count: 1, start: -1 }, 'start must be an integer from 0 to 999,999; got -1'],
    [
      { block: '4008', count: 2, start: 999_999 },
      "start + count must not exceed the block's 1,000,000 numbers",
    ],
    [{ block: '4008', count: 1, seed: '' }, 'seed must not be empty'],
  ])('rejects %j on call', (options, message) => {
    expect(() => generateNumbers(options)).toThrow(RangeError);
    expect(() => generateNumbers(options)).toThrow(message);
  });
});

describe('shuffleSubscriber', () => {
  it('is a bijection of 0 … 999,999 for any keys', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 4, maxLength: 4 }), (keys) => {
        const seen = new Uint8Array(BLOCK_SIZE);
        for (let i = 0; i < BLOCK_SIZE; i++) {
          const j = shuffleSubscriber(i, keys);
          if (j < 0 || j >= BLOCK_SIZE || seen[j]) return false;
          seen[j] = 1;
        }
        return true;
      }),
      { numRuns: 2 },
    );
  });
});
