import { BLOCKS, blockOf, findBlock, type BlockInfo, type Carrier } from './blocks';
import { DEFAULT_GRADING_RULES, type GradeCode, type GradeDef, type GradingRules } from './grading';
import { validateGradingRules } from './grading-validation';
import { keyEnd, keyStart, keyTag, scannedKey, tagAt, WINDOW_END } from './match-buffer';
import { scanPatterns } from './pattern-scan';
import {
  DEFAULT_PATTERN_CONFIG,
  PATTERN_TAGS,
  patternTagIndex,
  tagKind,
  type PatternConfig,
  type PatternMatch,
  type TagKind,
} from './pattern-tags';

/** Everything the shop needs to list and price one number. */
export interface Appraisal {
  digits: string;
  block: string;
  carrier: Carrier | undefined;
  matches: PatternMatch[];
  /** `position:tag` pairs such as `tail:AAAA`, deduplicated, in plain string order. */
  tags: string[];
  grade: GradeCode;
  selectionFeeFen: number;
  minPlanCode: string;
  /** English, naming the decisive match(es) and any cap that lowered the grade. */
  explanation: string;
}

/** Data besides the grading rules that appraisal depends on. */
export interface AppraiseOptions {
  readonly blocks?: readonly BlockInfo[];
  readonly patterns?: PatternConfig;
}

// Rules as lookup tables, built once per rules object: per (tag, position) slot the index
// of the best grade a rule gives, per tag the index of the lowest cap; grades by rank.
interface CompiledRules {
  readonly grades: readonly GradeDef[];
  readonly ruleGrade: Int8Array;
  readonly capGrade: Int8Array;
  readonly plainExplanation: string;
}

const NONE = -1;
const NO_OPTIONS: AppraiseOptions = {};
const compiledRules = new WeakMap<GradingRules, CompiledRules>();

// Slot of a (tag, position) pair: tag index * 2, + 1 for middle.
const slotOf = (tagIndex: number, end: number): number => tagIndex * 2 + (end === WINDOW_END ? 0 : 1);
const SLOT_KEYS: readonly string[] = PATTERN_TAGS.flatMap((tag) => [`tail:${tag}`, `middle:${tag}`]);
const SLOT_KINDS: readonly TagKind[] = PATTERN_TAGS.flatMap((tag) => [tagKind(tag), tagKind(tag)]);
// Slot of each match of the number being appraised, for the explanation (reused buffer).
const matchSlots = new Int8Array(64);
// Slots in plain string order of their keys, and each slot's place in that order: tags are
// collected as bits of that place (two 30-bit words) and come out sorted and deduplicated.
const SLOTS_SORTED: readonly number[] = [...SLOT_KEYS.keys()].sort((a, b) =>
  (SLOT_KEYS[a] ?? '') < (SLOT_KEYS[b] ?? '') ? -1 : 1,
);
const SLOT_ORDER: Int8Array = new Int8Array(SLOT_KEYS.length);
SLOTS_SORTED.forEach((slot, place) => (SLOT_ORDER[slot] = place));
const WORD_BITS = 30;
if (SLOT_KEYS.length > 2 * WORD_BITS) throw new Error('more pattern tags than the tag bit set can hold');

function compile(rules: GradingRules): CompiledRules {
  const cached = compiledRules.get(rules);
  if (cached) return cached;
  const errors = validateGradingRules(rules);
  if (errors.length > 0) throw new RangeError(`invalid grading rules: ${errors.join('; ')}`);
  const grades = [...rules.grades].sort((a, b) => a.rank - b.rank);
  const gradeIndex = new Map(grades.map((grade, index) => [grade.code, index]));
  const ruleGrade = new Int8Array(SLOT_KEYS.length).fill(NONE);
  for (const { tag, position, grade } of rules.rules) {
    const index = gradeIndex.get(grade) ?? NONE;
    const slot = patternTagIndex(tag) * 2;
    if (position !== 'middle') ruleGrade[slot] = Math.max(ruleGrade[slot] ?? NONE, index);
    if (position !== 'tail') ruleGrade[slot + 1] = Math.max(ruleGrade[slot + 1] ?? NONE, index);
  }
  const capGrade = new Int8Array(PATTERN_TAGS.length).fill(NONE);
  for (const { tag, maxGrade } of rules.caps) {
    const index = gradeIndex.get(maxGrade) ?? NONE;
    const at = patternTagIndex(tag);
    const current = capGrade[at] ?? NONE;
    capGrade[at] = current === NONE ? index : Math.min(current, index);
  }
  const plainExplanation = `${(grades[0]?.name ?? 'standard').toLowerCase()} number`;
  const compiled = { grades, ruleGrade, capGrade, plainExplanation };
  compiledRules.set(rules, compiled);
  return compiled;
}

/** How a match reads in an explanation: `tail AAAA 8888`, `tail group 520`, `lucky 8×3`, `contains 4`. */
export function describeMatch(match: PatternMatch): string {
  return describe(match, tagKind(match.tag));
}

function describe(match: PatternMatch, kind: TagKind): string {
  if (kind === 'shape') return `${match.position} ${match.tag} ${match.digits}`;
  if (kind === 'group') return `${match.position} group ${match.tag.slice(1)}`;
  const digit = match.digits.charAt(0);
  if (match.tag === 'HAS4') return `contains ${digit}`;
  return `lucky ${digit}×${match.digits.split(digit).length - 1}`;
}

/**
 * Classifies and grades one canonical number. Its grade is the highest grade any rule gives
 * one of its matches (the lowest-ranked grade when no rule applies), lowered to the lowest
 * cap among its matched tags, so every number gets exactly one grade of `rules`. Rules are
 * validated once per rules object.
 * @throws RangeError when `digits` is not canonical or `rules` are invalid.
 */
export function appraise(
  digits: string,
  rules: GradingRules = DEFAULT_GRADING_RULES,
  options: AppraiseOptions = NO_OPTIONS,
): Appraisal {
  const { grades, ruleGrade, capGrade, plainExplanation } = compile(rules);
  const count = scanPatterns(digits, options.patterns ?? DEFAULT_PATTERN_CONFIG);
  const matches: PatternMatch[] = [];
  let lowBits = 0;
  let highBits = 0;
  let best = 0;
  let cap = NONE;
  let capMatch: PatternMatch | undefined;
  for (let i = 0; i < count; i++) {
    const key = scannedKey(i);
    const tag = keyTag(key);
    const start = keyStart(key);
    const end = keyEnd(key);
    const match: PatternMatch = {
      tag: tagAt(tag),
      position: end === WINDOW_END ? 'tail' : 'middle',
      start,
      end,
      digits: digits.slice(start, end),
    };
    matches.push(match);
    const slot = slotOf(tag, end);
    matchSlots[i] = slot;
    best = Math.max(best, ruleGrade[slot] ?? NONE);
    const capLevel = capGrade[tag] ?? NONE;
    if (capLevel !== NONE && (cap === NONE || capLevel < cap)) {
      cap = capLevel;
      capMatch = match;
    }
    const place = SLOT_ORDER[slot] ?? 0;
    if (place < WORD_BITS) lowBits |= 1 << place;
    else highBits |= 1 << (place - WORD_BITS);
  }

  const capped = cap !== NONE && cap < best;
  const grade = grades[capped ? cap : best];
  if (grade === undefined) throw new RangeError('grading rules have no grades');
  let explanation = best > 0 ? decisive(matches, ruleGrade, best) : plainExplanation;
  if (capped && capMatch) {
    explanation += `; ${describeMatch(capMatch)}: capped at ${grade.name.toLowerCase()}`;
  }

  const block = blockOf(digits);
  return {
    digits,
    block,
    carrier: findBlock(block, options.blocks ?? BLOCKS)?.carrier,
    matches,
    tags: tagsFromBits(lowBits, highBits),
    grade: grade.code,
    selectionFeeFen: grade.selectionFeeFen,
    minPlanCode: grade.minPlanCode,
    explanation,
  };
}

function tagsFromBits(lowBits: number, highBits: number): string[] {
  const tags: string[] = [];
  for (let place = 0; lowBits !== 0 || highBits !== 0; place++) {
    const word = place < WORD_BITS ? lowBits : highBits;
    const bit = 1 << (place < WORD_BITS ? place : place - WORD_BITS);
    if ((word & bit) === 0) continue;
    tags.push(SLOT_KEYS[SLOTS_SORTED[place] ?? 0] ?? '');
    if (place < WORD_BITS) lowBits &= ~bit;
    else highBits &= ~bit;
  }
  return tags;
}

// The matches that reached the grade, each described once, in match order.
function decisive(matches: readonly PatternMatch[], ruleGrade: Int8Array, best: number): string {
  const parts: string[] = [];
  matches.forEach((match, i) => {
    const slot = matchSlots[i] ?? 0;
    if (ruleGrade[slot] !== best) return;
    const part = describe(match, SLOT_KINDS[slot] ?? 'shape');
    if (!parts.includes(part)) parts.push(part);
  });
  return parts.join(', ');
}
