import type { PatternTag } from './pattern-tags';

/** Grade codes, cheapest first. */
export const GRADE_CODES = ['standard', 'silver', 'gold', 'platinum', 'diamond'] as const;
export type GradeCode = (typeof GRADE_CODES)[number];

/** Where a rule's match must sit; `any` covers both tail and middle. */
export const RULE_POSITIONS = ['tail', 'middle', 'any'] as const;
export type RulePosition = (typeof RULE_POSITIONS)[number];

/** One grade: its rank (higher = more valuable), price and the cheapest plan it requires. */
export interface GradeDef {
  code: GradeCode;
  rank: number;
  name: string;
  nameZh: string;
  /** One-off selection fee in fen (1 元 = 100 fen). */
  selectionFeeFen: number;
  /** Code of the cheapest plan a number of this grade may be sold with. */
  minPlanCode: string;
}

/** A number with a match of `tag` at `position` is worth at least `grade`. */
export interface GradeRule {
  tag: PatternTag;
  position: RulePosition;
  grade: GradeCode;
}

/** A number with a match of `tag` (anywhere) is worth at most `maxGrade`. */
export interface GradeCap {
  tag: PatternTag;
  maxGrade: GradeCode;
}

/**
 * The whole grading policy, versioned because admins edit it and every number records the
 * version that graded it. Check edits with `validateGradingRules` before saving.
 */
export interface GradingRules {
  version: number;
  grades: readonly GradeDef[];
  rules: readonly GradeRule[];
  caps: readonly GradeCap[];
}

function rulesFor(grade: GradeCode, position: RulePosition, tags: readonly PatternTag[]): GradeRule[] {
  return tags.map((tag) => ({ tag, position, grade }));
}

/**
 * The shop's default policy. Grades follow DOMAIN.md's order of value: tail AAAAA+ alone is
 * diamond; the six-digit shapes at the tail are platinum; the five-digit shapes, long runs
 * and AAAA at the tail are gold; the four- and three-digit shapes at the tail are silver.
 * In the middle a shape drops one grade (the four- and three-digit ones drop out).
 * Sought-after groups and three lucky digits reach silver, 1314 and 888 at the tail gold
 * (so tail 888 outranks tail 777). A 4 in the window caps the number at standard (the 4 of
 * 1314 does not count, see DEFAULT_PATTERN_CONFIG).
 */
export const DEFAULT_GRADING_RULES: GradingRules = {
  version: 1,
  grades: [
    {
      code: 'standard',
      rank: 0,
      name: 'Standard',
      nameZh: '普通号',
      selectionFeeFen: 0,
      minPlanCode: 'basic',
    },
    {
      code: 'silver',
      rank: 1,
      name: 'Silver',
      nameZh: '银号',
      selectionFeeFen: 80_000,
      minPlanCode: 'standard',
    },
    {
      code: 'gold',
      rank: 2,
      name: 'Gold',
      nameZh: '金号',
      selectionFeeFen: 500_000,
      minPlanCode: 'business',
    },
    {
      code: 'platinum',
      rank: 3,
      name: 'Platinum',
      nameZh: '铂金号',
      selectionFeeFen: 3_000_000,
      minPlanCode: 'premium',
    },
    {
      code: 'diamond',
      rank: 4,
      name: 'Diamond',
      nameZh: '钻石号',
      selectionFeeFen: 20_000_000,
      minPlanCode: 'premium',
    },
  ],
  rules: [
    ...rulesFor('diamond', 'tail', ['AAAAA+']),
    ...rulesFor('platinum', 'tail', ['AAABBB', 'AABBCC', 'ABCABC', 'ABBABB']),
    ...rulesFor('platinum', 'middle', ['AAAAA+']),
    ...rulesFor('gold', 'tail', ['AABAA', 'AAABB', 'AABBB', 'ABCDE+', 'EDCBA+', 'AAAA', 'G1314', 'G888']),
    ...rulesFor('gold', 'middle', ['AAABBB', 'AABBCC', 'ABCABC', 'ABBABB']),
    ...rulesFor('silver', 'tail', ['ABCD', 'DCBA', 'AABB', 'ABBA', 'AAAB', 'ABAB', 'AAA', 'ABC', 'CBA']),
    ...rulesFor('silver', 'middle', ['AABAA', 'AAABB', 'AABBB', 'ABCDE+', 'EDCBA+', 'AAAA', 'G1314', 'G888']),
    ...rulesFor('silver', 'any', ['G520', 'G168', 'G518', 'LUCKY8', 'LUCKY6', 'LUCKY9']),
  ],
  caps: [{ tag: 'HAS4', maxGrade: 'standard' }],
};
