import fc from 'fast-check';
import { appraise, describeMatch } from './appraise';
import { BLOCKS } from './blocks';
import { classify } from './classify';
import {
  DEFAULT_GRADING_RULES,
  GRADE_CODES,
  type GradeCode,
  type GradeDef,
  type GradingRules,
} from './grading';
import { validateGradingRules } from './grading-validation';
import { PATTERN_TAGS } from './pattern-tags';

const digitsOf = (alphabet: string): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength: 6, maxLength: 6 });
const numberArb = fc
  .tuple(
    fc.constantFrom(...BLOCKS.map((b) => b.block)),
    fc.oneof(digitsOf('0123456789'), digitsOf('18'), digitsOf('235'), digitsOf('4568'), digitsOf('1340')),
  )
  .map(([block, rest]) => block + rest);

// Arbitrary valid rules: 1–5 grades with random ranks and fees rising with rank, rules
// (one per tag) and caps over those grades.
const rulesArb: fc.Arbitrary<GradingRules> = fc
  .shuffledSubarray([...GRADE_CODES], { minLength: 1 })
  .chain((codes) => {
    const gradeArb = fc.constantFrom(...codes);
    const sortedUnique = (min: number, max: number) =>
      fc
        .uniqueArray(fc.integer({ min, max }), { minLength: codes.length, maxLength: codes.length })
        .map((xs) => [...xs].sort((a, b) => a - b));
    return fc
      .record({
        version: fc.integer({ min: 1, max: 1000 }),
        ranks: sortedUnique(-50, 50),
        fees: sortedUnique(0, 100_000_000),
        rules: fc.uniqueArray(
          fc.record({
            tag: fc.constantFrom(...PATTERN_TAGS),
            position: fc.constantFrom('tail' as const, 'middle' as const, 'any' as const),
            grade: gradeArb,
          }),
          { selector: (r) => r.tag, maxLength: 25 },
        ),
        caps: fc.uniqueArray(fc.record({ tag: fc.constantFrom(...PATTERN_TAGS), maxGrade: gradeArb }), {
          selector: (c) => c.tag,
          maxLength: 3,
        }),
      })
      .map(({ version, ranks, fees, rules, caps }) => ({
        version,
        grades: codes.map((code, i) => ({
          code,
          rank: ranks[i] ?? 0,
          name: code.toUpperCase(),
          nameZh: code,
          selectionFeeFen: fees[i] ?? 0,
          minPlanCode: `plan-${code}`,
        })),
        rules,
        caps,
      }));
  });

const rankOf = (rules: GradingRules, code: GradeCode): number =>
  rules.grades.find((g) => g.code === code)?.rank ?? Number.NaN;

// The grading rule spelled out the slow way, as an oracle for the compiled tables.
function expectedGrade(digits: string, rules: GradingRules): GradeCode {
  const byRank = [...rules.grades].sort((a, b) => a.rank - b.rank);
  const def = (code: GradeCode): GradeDef => {
    const found = byRank.find((x) => x.code === code);
    if (!found) throw new Error(`no grade ${code}`);
    return found;
  };
  let best = byRank[0] ?? def('standard');
  const matches = classify(digits);
  for (const m of matches) {
    for (const r of rules.rules) {
      if (r.tag !== m.tag || (r.position !== 'any' && r.position !== m.position)) continue;
      const g = def(r.grade);
      if (g.rank > best.rank) best = g;
    }
  }
  for (const c of rules.caps) {
    const cap = def(c.maxGrade);
    if (matches.some((m) => m.tag === c.tag) && cap.rank < best.rank) best = cap;
  }
  return best.code;
}

describe('appraise with the default rules', () => {
  it.each<[string, GradeCode, number, string, string]>([
    ['4008888888', 'diamond', 20_000_000, 'premium', 'tail AAAAA+ 8888888'],
    ['4000111222', 'platinum', 3_000_000, 'premium', 'tail AAABBB 111222'],
    ['4007777770', 'platinum', 3_000_000, 'premium', 'middle AAAAA+ 777777'],
    ['4000271111', 'gold', 500_000, 'business', 'tail AAAA 1111'],
    ['4001122330', 'gold', 500_000, 'business', 'middle AABBCC 112233'],
    ['4009756789', 'gold', 500_000, 'business', 'tail ABCDE+ 56789'],
    ['4000791314', 'gold', 500_000, 'business', 'tail group 1314'],
    ['4009292888', 'gold', 500_000, 'business', 'tail group 888'],
    ['4001118889', 'gold', 500_000, 'business', 'middle AAABBB 111888'],
    ['4000357123', 'silver', 80_000, 'standard', 'tail ABC 123'],
    ['4000751212', 'silver', 80_000, 'standard', 'tail ABAB 1212'],
    ['4000713520', 'silver', 80_000, 'standard', 'tail group 520'],
    ['4000818378', 'silver', 80_000, 'standard', 'lucky 8×3'],
    ['4001111350', 'silver', 80_000, 'standard', 'middle AAAA 1111'],
    [
      '4008888123',
      'silver',
      80_000,
      'standard',
      'middle AAAA 8888, tail ABC 123, middle group 888, lucky 8×4',
    ],
    ['4000887322', 'standard', 0, 'basic', 'standard number'],
    ['4001212570', 'standard', 0, 'basic', 'standard number'],
    ['4000751364', 'standard', 0, 'basic', 'standard number'],
    ['4000123456', 'standard', 0, 'basic', 'tail ABCDE+ 0123456; contains 4: capped at standard'],
    [
      '4008881234',
      'standard',
      0,
      'basic',
      'tail ABCD 1234, middle group 888, lucky 8×3; contains 4: capped at standard',
    ],
  ])('%s → %s', (digits, grade, selectionFeeFen, minPlanCode, explanation) => {
    expect(appraise(digits)).toMatchObject({ digits, grade, selectionFeeFen, minPlanCode, explanation });
  });

  it('returns the whole appraisal', () => {
    expect(appraise('4005201314')).toEqual({
      digits: '4005201314',
      block: '4005',
      carrier: undefined,
      matches: [
        { tag: 'G1314', position: 'tail', start: 6, end: 10, digits: '1314' },
        { tag: 'G520', position: 'middle', start: 3, end: 6, digits: '520' },
      ],
      tags: ['middle:G520', 'tail:G1314'],
      grade: 'gold',
      selectionFeeFen: 500_000,
      minPlanCode: 'business',
      explanation: 'tail group 1314',
    });
    expect(appraise('4008881234')).toMatchObject({
      block: '4008',
      carrier: 'telecom',
      tags: ['middle:AAA', 'middle:G888', 'middle:LUCKY8', 'tail:ABCD', 'tail:HAS4'],
    });
  });

  it('lists each position:tag once', () => {
    expect(appraise('4000520520').tags).toEqual(['middle:ABCABC', 'middle:G520', 'tail:ABCABC', 'tail:G520']);
  });
});

describe('appraise with other data', () => {
  it('uses the rules it is given', () => {
    const noCap: GradingRules = { ...DEFAULT_GRADING_RULES, version: 2, caps: [] };
    expect(appraise('4000123456', noCap)).toMatchObject({
      grade: 'gold',
      explanation: 'tail ABCDE+ 0123456',
    });
    const capAtSilver: GradingRules = { ...noCap, caps: [{ tag: 'HAS4', maxGrade: 'silver' }] };
    expect(appraise('4000123456', capAtSilver).explanation).toBe(
      'tail ABCDE+ 0123456; contains 4: capped at silver',
    );
  });

  it('uses the blocks and patterns it is given', () => {
    const blocks = [{ block: '4005', carrier: 'unicom' as const }];
    expect(appraise('4005201314', DEFAULT_GRADING_RULES, { blocks }).carrier).toBe('unicom');
    const patterns = { groups: [], digitCounts: [] };
    expect(appraise('4005201314', DEFAULT_GRADING_RULES, { patterns })).toMatchObject({
      grade: 'standard',
      tags: [],
      explanation: 'standard number',
    });
  });

  it('refuses invalid rules and non-canonical numbers', () => {
    const broken = { ...DEFAULT_GRADING_RULES, grades: [] };
    expect(() => appraise('4008888888', broken)).toThrow(
      'invalid grading rules: grades: must be a non-empty list',
    );
    expect(() => appraise('400-888-8888')).toThrow(RangeError);
  });

  it.each([
    ['tail AAAA 8888', { tag: 'AAAA', position: 'tail', start: 6, end: 10, digits: '8888' }],
    ['middle group 520', { tag: 'G520', position: 'middle', start: 3, end: 6, digits: '520' }],
    ['lucky 6×3', { tag: 'LUCKY6', position: 'middle', start: 3, end: 8, digits: '61606' }],
    ['contains 4', { tag: 'HAS4', position: 'tail', start: 7, end: 10, digits: '404' }],
  ] as const)('describes a match as %j', (text, match) => {
    expect(describeMatch(match)).toBe(text);
  });
});

describe('appraise: properties', () => {
  it('is total and deterministic', () => {
    fc.assert(
      fc.property(numberArb, (digits) => {
        expect(appraise(digits)).toEqual(appraise(digits));
      }),
    );
  });

  it('gives exactly one grade of the rules, priced as that grade', () => {
    fc.assert(
      fc.property(numberArb, (digits) => {
        const a = appraise(digits);
        const defs = DEFAULT_GRADING_RULES.grades.filter((g) => g.code === a.grade);
        expect(defs).toHaveLength(1);
        expect([a.selectionFeeFen, a.minPlanCode]).toEqual([defs[0]?.selectionFeeFen, defs[0]?.minPlanCode]);
        expect(a.grade).toBe(expectedGrade(digits, DEFAULT_GRADING_RULES));
        if (a.matches.some((m) => m.tag === 'HAS4')) expect(a.grade).toBe('standard');
      }),
    );
  });

  it('lists tags as the sorted, distinct positions and tags of the matches', () => {
    fc.assert(
      fc.property(numberArb, (digits) => {
        const a = appraise(digits);
        expect(a.matches).toEqual(classify(digits));
        expect(a.tags).toEqual([...new Set(a.matches.map((m) => `${m.position}:${m.tag}`))].sort());
      }),
    );
  });

  it('prices a higher grade higher, under any valid rules', () => {
    fc.assert(
      fc.property(rulesArb, numberArb, numberArb, (rules, x, y) => {
        expect(validateGradingRules(rules)).toEqual([]);
        const [a, b] = [appraise(x, rules), appraise(y, rules)];
        expect(a.grade).toBe(expectedGrade(x, rules));
        expect(rules.grades.map((g) => g.code)).toContain(a.grade);
        const [rankA, rankB] = [rankOf(rules, a.grade), rankOf(rules, b.grade)];
        if (rankA > rankB) expect(a.selectionFeeFen).toBeGreaterThan(b.selectionFeeFen);
        if (rankA === rankB) expect(a.selectionFeeFen).toBe(b.selectionFeeFen);
      }),
      { numRuns: 300 },
    );
  });

  it('prices the default grades higher with rank', () => {
    const byRank = [...DEFAULT_GRADING_RULES.grades].sort((a, b) => a.rank - b.rank);
    expect(byRank.map((g) => [g.code, g.selectionFeeFen, g.minPlanCode])).toEqual([
      ['standard', 0, 'basic'],
      ['silver', 80_000, 'standard'],
      ['gold', 500_000, 'business'],
      ['platinum', 3_000_000, 'premium'],
      ['diamond', 20_000_000, 'premium'],
    ]);
  });
});
