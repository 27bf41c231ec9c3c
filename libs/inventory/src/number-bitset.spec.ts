import fc from 'fast-check';
import { CopyOutNumberLoader, NUMBER_SPACE_SIZE, NumberBitset, numberIndex } from './number-bitset';

describe('numberIndex', () => {
  it.each([
    ['4000000000', 0],
    ['4008001234', 8_001_234],
    ['4009999999', 9_999_999],
    ['4001000001', 1_000_001],
  ])('%s → %i', (digits, index) => {
    expect(numberIndex(digits)).toBe(index);
  });

  it.each(['', '400800123', '40080012345', '5008001234', '400800123x', '４008001234', '400-800-123'])(
    'returns -1 for non-canonical "%s"',
    (input) => {
      expect(numberIndex(input)).toBe(-1);
    },
  );
});

describe('NumberBitset', () => {
  it('adds once and remembers', () => {
    const bitset = new NumberBitset();
    expect(bitset.has('4008001234')).toBe(false);
    expect(bitset.add('4008001234')).toBe(true);
    expect(bitset.add('4008001234')).toBe(false);
    expect(bitset.has('4008001234')).toBe(true);
    expect(bitset.has('4008001235')).toBe(false);
    expect(bitset.has('4008001233')).toBe(false);
    expect(bitset.size).toBe(1);
  });

  it('covers both ends of the range', () => {
    const bitset = new NumberBitset();
    expect(bitset.addIndex(0)).toBe(true);
    expect(bitset.addIndex(NUMBER_SPACE_SIZE - 1)).toBe(true);
    expect(bitset.hasIndex(0)).toBe(true);
    expect(bitset.hasIndex(NUMBER_SPACE_SIZE - 1)).toBe(true);
    expect(bitset.hasIndex(1)).toBe(false);
    expect(bitset.size).toBe(2);
  });

  it.each([-1, NUMBER_SPACE_SIZE, 1.5, Number.NaN])('rejects index %d', (index) => {
    expect(() => new NumberBitset().addIndex(index)).toThrow(RangeError);
  });

  it('rejects a non-canonical number', () => {
    expect(() => new NumberBitset().add('400-800-1234')).toThrow(
      'Not a canonical 400 number: "400-800-1234"',
    );
  });

  it('agrees with a Set for any sequence of additions', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: NUMBER_SPACE_SIZE - 1 }), { maxLength: 300 }),
        (indexes) => {
          const bitset = new NumberBitset();
          const set = new Set<number>();
          for (const index of indexes) {
            expect(bitset.addIndex(index)).toBe(!set.has(index));
            set.add(index);
          }
          expect(bitset.size).toBe(set.size);
          for (const index of indexes) {
            expect(bitset.hasIndex(index)).toBe(true);
            expect(bitset.hasIndex((index + 1) % NUMBER_SPACE_SIZE)).toBe(
              set.has((index + 1) % NUMBER_SPACE_SIZE),
            );
          }
        },
      ),
    );
  });
});

describe('CopyOutNumberLoader', () => {
  const load = (chunks: string[]): NumberBitset => {
    const bitset = new NumberBitset();
    const loader = new CopyOutNumberLoader(bitset);
    for (const chunk of chunks) loader.push(Buffer.from(chunk));
    loader.end();
    return bitset;
  };

  it('reads rows cut anywhere across chunks', () => {
    const bitset = load(['40080', '01234\n4000', '000000\n400999999', '9\n']);
    expect(bitset.size).toBe(3);
    expect(['4008001234', '4000000000', '4009999999'].map((n) => bitset.has(n))).toEqual([true, true, true]);
  });

  it('accepts a last row without a newline and an empty stream', () => {
    expect(load(['4008001234']).has('4008001234')).toBe(true);
    expect(load([]).size).toBe(0);
  });

  it.each([['5008001234\n'], ['400800123\n'], ['40080012345\n'], ['400800123a\n']])(
    'fails loudly on a malformed row %j',
    (chunk) => {
      expect(() => load([chunk])).toThrow('Unexpected row while loading existing numbers');
    },
  );
});
