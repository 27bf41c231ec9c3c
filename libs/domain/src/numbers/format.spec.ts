import fc from 'fast-check';
import { BLOCKS } from './blocks';
import { bestGrouping, formatNumber, GROUPINGS } from './format';

const numberArb = fc
  .tuple(
    fc.constantFrom(...BLOCKS.map((b) => b.block)),
    fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 6, maxLength: 6 }),
  )
  .map(([block, rest]) => block + rest);

describe('formatNumber', () => {
  it.each([
    ['4001234567', undefined, '400-123-4567'],
    ['4001234567', '3-3-4', '400-123-4567'],
    ['4001234567', '4-3-3', '4001-234-567'],
    ['4001234567', '3-4-3', '400-1234-567'],
    ['4000887322', '4-3-3', '4000-887-322'],
    ['4009292888', '3-4-3', '400-9292-888'],
  ] as const)('%s as %s → %s', (digits, grouping, expected) => {
    expect(formatNumber(digits, grouping)).toBe(expected);
  });

  it('takes another separator', () => {
    expect(formatNumber('4001234567', '3-3-4', ' ')).toBe('400 123 4567');
    expect(formatNumber('4001234567', '4-3-3', '')).toBe('4001234567');
  });

  it.each(['', '400123', '400-123-4567', 'abcdefghij', '5001234567'])(
    'returns non-canonical %j unchanged',
    (input) => {
      expect(formatNumber(input, '4-3-3')).toBe(input);
    },
  );
});

describe('bestGrouping', () => {
  it.each([
    // ABAB 9292 and 888 both whole only in 400-9292-888
    ['4009292888', '3-4-3'],
    // AAAA 1111 is whole only in 400-1111-222 (AAABBB 111222 is cut by every grouping)
    ['4001111222', '3-4-3'],
    // 4000-888-123 keeps 888 and 123
    ['4000888123', '4-3-3'],
    // 400-888-1234 keeps 888 and 1234
    ['4008881234', '3-3-4'],
    ['4001234888', '3-4-3'],
    ['4000123567', '3-4-3'],
    // 4008-123-848: ABC 123 whole in 4-3-3 and 3-4-3; the tie goes to the earlier one
    ['4008123848', '4-3-3'],
    // nothing to show off, or nothing any grouping keeps whole: the default
    ['4000887322', '3-3-4'],
    ['4008888888', '3-3-4'],
    ['not a number', '3-3-4'],
  ])('%s → %s', (digits, expected) => {
    expect(bestGrouping(digits)).toBe(expected);
  });

  it('always picks one of the groupings, deterministically', () => {
    fc.assert(
      fc.property(numberArb, (digits) => {
        const grouping = bestGrouping(digits);
        expect(GROUPINGS).toContain(grouping);
        expect(bestGrouping(digits)).toBe(grouping);
      }),
    );
  });
});
