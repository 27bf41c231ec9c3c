import { DEFAULT_GRADING_RULES, type GradeDef, type GradingRules } from './grading';
import { validateGradingRules } from './grading-validation';

// A deep copy of the defaults, changed by `edit`, typed loosely because admins' JSON is.
function edited(edit: (rules: Record<string, unknown> & GradingRules) => void): unknown {
  const copy = structuredClone(DEFAULT_GRADING_RULES) as Record<string, unknown> & GradingRules;
  edit(copy);
  return copy;
}

function grade(rules: GradingRules, index: number): GradeDef {
  const def = rules.grades[index];
  if (!def) throw new Error(`no grade ${index}`);
  return def;
}

const ruleIndex = (tag: string, position: string): number =>
  DEFAULT_GRADING_RULES.rules.findIndex((r) => r.tag === tag && r.position === position);

describe('validateGradingRules', () => {
  it('accepts the defaults, also against the seeded plan codes', () => {
    expect(validateGradingRules(DEFAULT_GRADING_RULES)).toEqual([]);
    const planCodes = ['basic', 'standard', 'business', 'premium', 'enterprise'];
    expect(validateGradingRules(DEFAULT_GRADING_RULES, { planCodes })).toEqual([]);
  });

  it.each<[string, unknown, string[]]>([
    ['not an object', null, ['must be an object with version, grades, rules and caps']],
    ['a list', [], ['must be an object with version, grades, rules and caps']],
    ['version 0', edited((r) => (r.version = 0)), ['version: must be a positive integer']],
    ['version 1.5', edited((r) => (r.version = 1.5)), ['version: must be a positive integer']],
    [
      'a shared rank',
      edited((r) => (grade(r, 1).rank = 0)),
      ['grades[1].rank: rank 0 is also used by standard'],
    ],
    [
      'a fee not above the grade below',
      edited((r) => (grade(r, 2).selectionFeeFen = 80_000)),
      ['grades: fee of gold (rank 2, 80000 fen) must be above silver (rank 1, 80000 fen)'],
    ],
    [
      'fees decreasing with rank',
      edited((r) => (grade(r, 4).selectionFeeFen = 100)),
      ['grades: fee of diamond (rank 4, 100 fen) must be above platinum (rank 3, 3000000 fen)'],
    ],
    [
      'a fractional fee',
      edited((r) => (grade(r, 1).selectionFeeFen = 800.5)),
      ['grades[1].selectionFeeFen: must be a whole, non-negative number of fen'],
    ],
    [
      'a negative fee',
      edited((r) => (grade(r, 0).selectionFeeFen = -1)),
      ['grades[0].selectionFeeFen: must be a whole, non-negative number of fen'],
    ],
    [
      'a duplicate grade',
      edited((r) => (grade(r, 4).code = 'platinum')),
      [
        'grades[4].code: duplicate grade platinum',
        `rules[${ruleIndex('AAAAA+', 'tail')}].grade: unknown grade diamond`,
      ],
    ],
    [
      'empty names and plan',
      edited((r) => Object.assign(grade(r, 3), { name: ' ', nameZh: '', minPlanCode: '' })),
      [
        'grades[3].name: must not be empty',
        'grades[3].nameZh: must not be empty',
        'grades[3].minPlanCode: must not be empty',
      ],
    ],
    [
      'no grades',
      edited((r) => Object.assign(r, { grades: [], rules: [], caps: [] })),
      ['grades: must be a non-empty list'],
    ],
    ['rules not a list', edited((r) => Object.assign(r, { rules: {} })), ['rules: must be a list']],
    ['caps not a list', edited((r) => Object.assign(r, { caps: null })), ['caps: must be a list']],
    [
      'an unknown tag',
      edited((r) => Object.assign(r, { rules: [{ tag: 'AAAAAA', position: 'tail', grade: 'gold' }] })),
      ['rules[0].tag: unknown pattern tag AAAAAA'],
    ],
    [
      'an unknown position and grade',
      edited((r) => Object.assign(r, { rules: [{ tag: 'AAAA', position: 'head', grade: 'bronze' }] })),
      ['rules[0].position: must be one of tail, middle, any', 'rules[0].grade: unknown grade bronze'],
    ],
    [
      'a tag graded twice',
      edited((r) =>
        Object.assign(r, { rules: [...r.rules, { tag: 'AAAA', position: 'tail', grade: 'silver' }] }),
      ),
      [
        `rules[${DEFAULT_GRADING_RULES.rules.length}]: tail AAAA is already graded by rules[${ruleIndex('AAAA', 'tail')}]`,
      ],
    ],
    [
      'a positional rule overlapping an "any" rule',
      edited((r) =>
        Object.assign(r, { rules: [...r.rules, { tag: 'G520', position: 'tail', grade: 'gold' }] }),
      ),
      [
        `rules[${DEFAULT_GRADING_RULES.rules.length}]: tail G520 is already graded by rules[${ruleIndex('G520', 'any')}]`,
      ],
    ],
    [
      'bad caps',
      edited((r) =>
        Object.assign(r, {
          caps: [
            { tag: 'HAS4', maxGrade: 'standard' },
            { tag: 'HAS4', maxGrade: 'silver' },
            { tag: 'HAS5', maxGrade: 'none' },
            'HAS4',
          ],
        }),
      ),
      [
        'caps[1].tag: HAS4 is already capped',
        'caps[2].tag: unknown pattern tag HAS5',
        'caps[2].maxGrade: unknown grade none',
        'caps[3]: must be an object',
      ],
    ],
  ])('rejects %s', (_name, rules, expected) => {
    expect(validateGradingRules(rules)).toEqual(expected);
  });

  it('checks plan codes when it is given them', () => {
    expect(
      validateGradingRules(DEFAULT_GRADING_RULES, { planCodes: ['basic', 'standard', 'business'] }),
    ).toEqual(['grades[3].minPlanCode: unknown plan premium', 'grades[4].minPlanCode: unknown plan premium']);
  });
});
