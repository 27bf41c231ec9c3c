import { GRADE_CODES, RULE_POSITIONS } from './grading';
import { isPatternTag } from './pattern-tags';

/** Extra checks that need data from outside the domain, e.g. the seeded plan codes. */
export interface GradingValidationOptions {
  /** When given, every grade's `minPlanCode` must be one of these. */
  readonly planCodes?: readonly string[];
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isNonEmptyString = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== '';
const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);

function checkGrades(grades: unknown, options: GradingValidationOptions, errors: string[]): Set<string> {
  const known = new Set<string>();
  if (!Array.isArray(grades) || grades.length === 0) {
    errors.push('grades: must be a non-empty list');
    return known;
  }
  const ranks = new Map<number, string>();
  const ranked: { code: string; rank: number; fee: number }[] = [];
  grades.forEach((grade: unknown, i) => {
    const at = `grades[${i}]`;
    if (!isObject(grade)) return void errors.push(`${at}: must be an object`);
    const { code, rank, name, nameZh, selectionFeeFen, minPlanCode } = grade;
    if (!isOneOf(GRADE_CODES, code)) errors.push(`${at}.code: must be one of ${GRADE_CODES.join(', ')}`);
    else if (known.has(code)) errors.push(`${at}.code: duplicate grade ${code}`);
    else known.add(code);
    if (typeof rank !== 'number' || !Number.isSafeInteger(rank))
      errors.push(`${at}.rank: must be an integer`);
    else if (ranks.has(rank)) errors.push(`${at}.rank: rank ${rank} is also used by ${ranks.get(rank)}`);
    else ranks.set(rank, String(code));
    if (!isNonEmptyString(name)) errors.push(`${at}.name: must not be empty`);
    if (!isNonEmptyString(nameZh)) errors.push(`${at}.nameZh: must not be empty`);
    const feeOk =
      typeof selectionFeeFen === 'number' && Number.isSafeInteger(selectionFeeFen) && selectionFeeFen >= 0;
    if (!feeOk) errors.push(`${at}.selectionFeeFen: must be a whole, non-negative number of fen`);
    if (!isNonEmptyString(minPlanCode)) errors.push(`${at}.minPlanCode: must not be empty`);
    else if (options.planCodes && !options.planCodes.includes(minPlanCode)) {
      errors.push(`${at}.minPlanCode: unknown plan ${minPlanCode}`);
    }
    if (feeOk && typeof rank === 'number' && Number.isSafeInteger(rank)) {
      ranked.push({ code: String(code), rank, fee: selectionFeeFen });
    }
  });
  // A dearer grade must cost more, or a better number could be bought for less.
  ranked.sort((a, b) => a.rank - b.rank);
  for (let i = 1; i < ranked.length; i++) {
    const lower = ranked[i - 1];
    const higher = ranked[i];
    if (lower && higher && higher.rank !== lower.rank && higher.fee <= lower.fee) {
      errors.push(
        `grades: fee of ${higher.code} (rank ${higher.rank}, ${higher.fee} fen) must be above ` +
          `${lower.code} (rank ${lower.rank}, ${lower.fee} fen)`,
      );
    }
  }
  return known;
}

function checkRules(rules: unknown, grades: Set<string>, errors: string[]): void {
  if (!Array.isArray(rules)) return void errors.push('rules: must be a list');
  const seen = new Map<string, number>();
  rules.forEach((rule: unknown, i) => {
    const at = `rules[${i}]`;
    if (!isObject(rule)) return void errors.push(`${at}: must be an object`);
    const { tag, position, grade } = rule;
    if (typeof tag !== 'string' || !isPatternTag(tag))
      errors.push(`${at}.tag: unknown pattern tag ${String(tag)}`);
    if (!isOneOf(RULE_POSITIONS, position))
      errors.push(`${at}.position: must be one of ${RULE_POSITIONS.join(', ')}`);
    if (typeof grade !== 'string' || !grades.has(grade))
      errors.push(`${at}.grade: unknown grade ${String(grade)}`);
    if (typeof tag !== 'string' || !isOneOf(RULE_POSITIONS, position)) return;
    // Two rules for the same tag and an overlapping position would leave admins guessing
    // which one applies (the higher one would), so each (tag, position) is stated once.
    const positions = position === 'any' ? ['tail', 'middle'] : [position];
    for (const where of positions) {
      const previous = seen.get(`${tag}:${where}`);
      if (previous !== undefined)
        errors.push(`${at}: ${where} ${tag} is already graded by rules[${previous}]`);
      else seen.set(`${tag}:${where}`, i);
    }
  });
}

function checkCaps(caps: unknown, grades: Set<string>, errors: string[]): void {
  if (!Array.isArray(caps)) return void errors.push('caps: must be a list');
  const seen = new Set<string>();
  caps.forEach((cap: unknown, i) => {
    const at = `caps[${i}]`;
    if (!isObject(cap)) return void errors.push(`${at}: must be an object`);
    const { tag, maxGrade } = cap;
    if (typeof tag !== 'string' || !isPatternTag(tag))
      errors.push(`${at}.tag: unknown pattern tag ${String(tag)}`);
    else if (seen.has(tag)) errors.push(`${at}.tag: ${tag} is already capped`);
    else seen.add(tag);
    if (typeof maxGrade !== 'string' || !grades.has(maxGrade)) {
      errors.push(`${at}.maxGrade: unknown grade ${String(maxGrade)}`);
    }
  });
}

/**
 * Checks grading rules before they are saved or used; admins edit them, so this takes
 * anything (e.g. parsed JSON). Returns one English message per problem, empty when valid:
 * a positive integer version; known, unique grade codes; unique integer ranks; fees that
 * are whole fen and strictly increase with rank; names and plan codes present; every rule
 * and cap naming a known tag, position and grade; no tag graded twice for one position;
 * no tag capped twice.
 */
export function validateGradingRules(rules: unknown, options: GradingValidationOptions = {}): string[] {
  if (!isObject(rules)) return ['must be an object with version, grades, rules and caps'];
  const errors: string[] = [];
  const { version } = rules;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    errors.push('version: must be a positive integer');
  }
  const grades = checkGrades(rules['grades'], options, errors);
  checkRules(rules['rules'], grades, errors);
  checkCaps(rules['caps'], grades, errors);
  return errors;
}
