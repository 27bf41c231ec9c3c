import fc from 'fast-check';
import { BLOCKS } from './blocks';
import { classify, WINDOW_END, WINDOW_START } from './classify';
import {
  DEFAULT_PATTERN_CONFIG,
  PATTERN_TAGS,
  tagKind,
  type PatternConfig,
  type PatternMatch,
} from './pattern-tags';

// One line per match: "position tag digits@start" (start + digits fix the end).
const brief = (matches: readonly PatternMatch[]): string[] =>
  matches.map((m) => `${m.position} ${m.tag} ${m.digits}@${m.start}`);

const digitsOf = (alphabet: string, length: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength: length, maxLength: length });

// Valid numbers of known blocks, biased towards few distinct digits so patterns occur.
const numberArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...BLOCKS.map((b) => b.block)),
    fc.oneof(digitsOf('0123456789', 6), digitsOf('18', 6), digitsOf('234', 6), digitsOf('4568', 6)),
  )
  .map(([block, rest]) => block + rest);

describe('classify: every tag, tail and middle', () => {
  it.each([
    // equal runs
    ['4001777777', ['tail AAAAA+ 777777@4']],
    ['4000277777', ['tail AAAAA+ 77777@5']],
    ['4007777770', ['middle AAAAA+ 777777@3']],
    ['4000271111', ['tail AAAA 1111@6']],
    ['4001111350', ['middle AAAA 1111@3']],
    ['4000357222', ['tail AAA 222@7']],
    ['4000222357', ['middle AAA 222@4']],
    // ascending and descending runs
    ['4000357123', ['tail ABC 123@7']],
    ['4009123570', ['middle ABC 123@4']],
    ['4000975678', ['tail ABCD 5678@6']],
    ['4009567810', ['middle ABCD 5678@4']],
    ['4009756789', ['tail ABCDE+ 56789@5']],
    ['4001567890', ['middle ABCDE+ 56789@4']],
    ['4000579321', ['tail CBA 321@7']],
    ['4009321570', ['middle CBA 321@4']],
    ['4001859876', ['tail DCBA 9876@6']],
    ['4009876150', ['middle DCBA 9876@3']],
    ['4000298765', ['tail EDCBA+ 98765@5']],
    ['4009876530', ['middle EDCBA+ 98765@3']],
    // six-digit shapes
    ['4000111222', ['tail AAABBB 111222@4']],
    ['4001112220', ['middle AAABBB 111222@3', 'tail AAAB 2220@6']],
    ['4000112233', ['tail AABBCC 112233@4']],
    ['4001122330', ['middle AABBCC 112233@3']],
    ['4000135135', ['tail ABCABC 135135@4']],
    ['4001351350', ['middle ABCABC 135135@3']],
    ['4009122122', ['tail ABBABB 122122@4']],
    ['4001221220', ['middle ABBABB 122122@3']],
    // five-digit shapes
    ['4000711611', ['tail AABAA 11611@5']],
    ['4000338330', ['middle AABAA 33833@4']],
    ['4000711122', ['tail AAABB 11122@5']],
    ['4001112230', ['middle AAABB 11122@3']],
    ['4000711222', ['tail AABBB 11222@5']],
    ['4001122230', ['middle AABBB 11222@3']],
    // four-digit shapes
    ['4000751122', ['tail AABB 1122@6']],
    ['4001122570', ['middle AABB 1122@3']],
    ['4000751221', ['tail ABBA 1221@6']],
    ['4001221570', ['middle ABBA 1221@3']],
    ['4000752221', ['tail AAAB 2221@6']],
    ['4000751212', ['tail ABAB 1212@6']],
    ['4001212570', ['middle ABAB 1212@3']],
    // groups
    ['4000713520', ['tail G520 520@7']],
    ['4005207130', ['middle G520 520@3']],
    ['4000791314', ['tail G1314 1314@6']],
    ['4001314700', ['middle G1314 1314@3']],
    ['4000753168', ['tail G168 168@7']],
    ['4001687530', ['middle G168 168@3']],
    ['4000730518', ['tail G518 518@7']],
    ['4005187300', ['middle G518 518@3']],
    ['4000793888', ['tail AAA 888@7', 'tail G888 888@7', 'tail LUCKY8 888@7']],
    ['4008887930', ['middle AAA 888@3', 'middle G888 888@3', 'middle LUCKY8 888@3']],
    // lucky digits: three or more anywhere, spanning first to last
    ['4000818378', ['tail LUCKY8 818378@4']],
    ['4008182830', ['middle LUCKY8 81828@3']],
    ['4006106356', ['tail LUCKY6 6106356@3']],
    ['4006160630', ['middle LUCKY6 61606@3']],
    ['4009190579', ['tail LUCKY9 9190579@3']],
    ['4009391930', ['middle LUCKY9 93919@3']],
    // HAS4: middle unless the number ends in 4
    ['4000751364', ['tail HAS4 4@9']],
    ['4000741365', ['middle HAS4 4@5']],
    ['4001403470', ['middle HAS4 4034@4']],
  ])('%s → %j', (digits, expected) => {
    expect(brief(classify(digits))).toEqual(expected);
  });
});

describe('classify: maximality, overlaps and negatives', () => {
  it.each([
    // one maximal match per run, not its sub-runs
    ['4008888888', ['tail AAAAA+ 8888888@3', 'tail G888 8888888@3', 'tail LUCKY8 8888888@3']],
    ['4001212121', ['tail ABAB 1212121@3']],
    ['4000123456', ['tail ABCDE+ 0123456@3', 'middle HAS4 4@7']],
    // overlapping shapes are both kept; contained ones are dropped
    ['4001111222', ['tail AAABBB 111222@4', 'middle AAAA 1111@3']],
    ['4001112233', ['tail AABBCC 112233@4', 'middle AAABB 11122@3']],
    ['4000123123', ['tail ABCABC 123123@4', 'middle ABCD 0123@3']],
    [
      '4001118889',
      ['middle AAABBB 111888@3', 'tail AAAB 8889@6', 'middle G888 888@6', 'middle LUCKY8 888@6'],
    ],
    ['4008888123', ['middle AAAA 8888@3', 'tail ABC 123@7', 'middle G888 8888@3', 'middle LUCKY8 8888@3']],
    ['4001212323', ['middle ABAB 1212@3', 'tail ABAB 2323@6', 'middle ABC 123@5']],
    [
      '4000520520',
      ['middle ABCABC 052052@3', 'tail ABCABC 520520@4', 'middle G520 520@4', 'tail G520 520@7'],
    ],
    // no wrap-around from 9 to 0
    ['4007890123', ['tail ABCD 0123@6', 'middle ABC 789@3']],
    // letters are distinct digits: 112211 is not AABBCC, 121121 not ABCABC
    ['4001122110', ['middle AABB 1122@3', 'middle AABB 2211@5', 'middle ABBA 1221@4']],
    ['4001211210', ['middle ABBA 2112@4', 'tail CBA 210@7']],
    // AAAB is exactly three, at the tail
    ['4009011112', ['middle AAAA 1111@5']],
    // the 4 of 1314 is part of the group; another 4 still counts
    ['4005201314', ['tail G1314 1314@6', 'middle G520 520@3']],
    ['4001314470', ['middle G1314 1314@3', 'middle HAS4 4@7']],
    // two lucky digits are not enough; nothing else here
    ['4008125378', []],
    ['4000887322', []],
  ])('%s → %j', (digits, expected) => {
    expect(brief(classify(digits))).toEqual(expected);
  });

  it.each([
    ['4000271111', 'AABB'],
    ['4000271111', 'AAA'],
    ['4001777777', 'AAAA'],
    ['4000111222', 'AAA'],
    ['4000111222', 'AABB'],
    ['4001111350', 'ABAB'],
    ['4001111350', 'ABBA'],
    ['4000123567', 'ABCDE+'],
    ['4000222357', 'AAAB'],
  ])('%s has no %s', (digits, tag) => {
    expect(classify(digits).map((m) => m.tag)).not.toContain(tag);
  });

  it('uses the groups and digit counts it is given', () => {
    const config: PatternConfig = {
      groups: [{ tag: 'G520', group: '521' }],
      digitCounts: [{ tag: 'LUCKY8', digit: '7', minCount: 2, exceptInGroups: false }],
    };
    expect(brief(classify('4005217370', config))).toEqual(['middle G520 521@3', 'middle LUCKY8 737@6']);
    expect(brief(classify('4005217370', DEFAULT_PATTERN_CONFIG))).toEqual([]);
  });

  it.each(['', '400123456', '40012345678', '5001234567', '400123456a', '４００１２３４５６７'])(
    'rejects non-canonical input %j',
    (digits) => {
      expect(() => classify(digits)).toThrow(RangeError);
    },
  );
});

describe('classify: properties', () => {
  it('is total and deterministic', () => {
    fc.assert(
      fc.property(numberArb, (digits) => {
        expect(classify(digits)).toEqual(classify(digits));
      }),
    );
  });

  it('reports slices of the window with the right position', () => {
    fc.assert(
      fc.property(numberArb, (digits) => {
        for (const m of classify(digits)) {
          expect(m.digits).toBe(digits.slice(m.start, m.end));
          expect(m.start).toBeGreaterThanOrEqual(WINDOW_START);
          expect(m.end).toBeLessThanOrEqual(WINDOW_END);
          expect(m.end).toBeGreaterThan(m.start);
          expect(m.position).toBe(m.end === WINDOW_END ? 'tail' : 'middle');
        }
      }),
    );
  });

  it('orders by value, then start, and never reports a shape inside a more valuable one', () => {
    fc.assert(
      fc.property(numberArb, (digits) => {
        const matches = classify(digits);
        const rank = (m: PatternMatch): number => PATTERN_TAGS.indexOf(m.tag) * 100 + m.start * 10 + m.end;
        expect(matches.map(rank)).toEqual(matches.map(rank).sort((a, b) => a - b));
        const shapes = matches.filter((m) => tagKind(m.tag) === 'shape');
        for (const inner of shapes) {
          const outer = shapes.find(
            (o) =>
              rank(o) < rank(inner) && o.tag !== inner.tag && o.start <= inner.start && inner.end <= o.end,
          );
          expect(outer).toBeUndefined();
        }
      }),
    );
  });

  it('reports equal-digit runs whole', () => {
    fc.assert(
      fc.property(numberArb, (digits) => {
        for (const m of classify(digits).filter((x) => ['AAA', 'AAAA', 'AAAAA+'].includes(x.tag))) {
          expect(new Set(m.digits).size).toBe(1);
          expect(digits[m.start - 1] === m.digits[0] && m.start > WINDOW_START).toBe(false);
          expect(digits[m.end]).not.toBe(m.digits[0]);
        }
      }),
    );
  });

  it('tags HAS4 exactly when a 4 stands outside the groups', () => {
    fc.assert(
      fc.property(numberArb, (digits) => {
        const matches = classify(digits);
        const window = digits.slice(WINDOW_START);
        const withoutGroups = window.replace(/1314/g, '');
        expect(matches.some((m) => m.tag === 'HAS4')).toBe(withoutGroups.includes('4'));
      }),
    );
  });
});
