/**
 * Shape tags, most valuable first: the order one real shop lists its categories in
 * (DOMAIN.md, "Vanity grading"), with each descending run placed beside its ascending twin.
 * Letters stand for distinct digits: `AABB` needs A ≠ B.
 */
export const SHAPE_TAGS = [
  'AAAAA+',
  'AAABBB',
  'AABBCC',
  'ABCABC',
  'ABBABB',
  'AABAA',
  'AAABB',
  'AABBB',
  'ABCDE+',
  'EDCBA+',
  'AAAA',
  'ABCD',
  'DCBA',
  'AABB',
  'ABBA',
  'AAAB',
  'ABAB',
  'AAA',
  'ABC',
  'CBA',
] as const;

/** Meaningful digit groups (520 "I love you", 1314 "for life", 168 "road to riches", …). */
export const GROUP_TAGS = ['G1314', 'G888', 'G520', 'G168', 'G518'] as const;

/** Tags about how often one digit occurs anywhere in the window, wherever it stands. */
export const DIGIT_COUNT_TAGS = ['LUCKY8', 'LUCKY6', 'LUCKY9', 'HAS4'] as const;

/**
 * Every tag the classifier emits. The order is the order of value used to sort matches
 * (shapes, then groups, then digit counts); the grading rules decide what each is worth.
 */
export const PATTERN_TAGS = [...SHAPE_TAGS, ...GROUP_TAGS, ...DIGIT_COUNT_TAGS] as const;

export type ShapeTag = (typeof SHAPE_TAGS)[number];
export type GroupTag = (typeof GROUP_TAGS)[number];
export type DigitCountTag = (typeof DIGIT_COUNT_TAGS)[number];
export type PatternTag = (typeof PATTERN_TAGS)[number];

/** Where a match sits: `tail` when it ends with the number's last digit. */
export const MATCH_POSITIONS = ['tail', 'middle'] as const;
export type MatchPosition = (typeof MATCH_POSITIONS)[number];

/**
 * One pattern found in a number. `start`/`end` (exclusive) index the 10 canonical digits and
 * always lie inside the scan window (3..10); `digits` is `number.slice(start, end)`.
 */
export interface PatternMatch {
  readonly tag: PatternTag;
  readonly position: MatchPosition;
  readonly start: number;
  readonly end: number;
  readonly digits: string;
}

/** A meaningful group, found wherever it occurs as a substring of the window. */
export interface GroupPattern {
  readonly tag: GroupTag;
  readonly group: string;
}

/** A digit counted anywhere in the window; the tag applies once it occurs `minCount` times. */
export interface DigitCountPattern {
  readonly tag: DigitCountTag;
  readonly digit: string;
  readonly minCount: number;
  /** Skip occurrences inside a group match: the 4 of 1314 reads 世 (lifetime), not 死. */
  readonly exceptInGroups: boolean;
}

/** The data behind the non-shape tags; shapes are structural and need none. */
export interface PatternConfig {
  readonly groups: readonly GroupPattern[];
  readonly digitCounts: readonly DigitCountPattern[];
}

/**
 * Default groups and digit counts. Three of one lucky digit in the 7-digit window is rare
 * enough to be worth a tag (about 2.6% of numbers; 11% in block 4008, whose window starts
 * with an 8), while two is too common (15%). A single 4 puts buyers off, so HAS4 needs one,
 * except inside a group: 1314 is sought after although it contains a 4.
 */
export const DEFAULT_PATTERN_CONFIG: PatternConfig = {
  groups: [
    { tag: 'G1314', group: '1314' },
    { tag: 'G888', group: '888' },
    { tag: 'G520', group: '520' },
    { tag: 'G168', group: '168' },
    { tag: 'G518', group: '518' },
  ],
  digitCounts: [
    { tag: 'LUCKY8', digit: '8', minCount: 3, exceptInGroups: false },
    { tag: 'LUCKY6', digit: '6', minCount: 3, exceptInGroups: false },
    { tag: 'LUCKY9', digit: '9', minCount: 3, exceptInGroups: false },
    { tag: 'HAS4', digit: '4', minCount: 1, exceptInGroups: true },
  ],
};

const TAG_INDEX: ReadonlyMap<string, number> = new Map(PATTERN_TAGS.map((tag, index) => [tag, index]));

/** Position of a tag in {@link PATTERN_TAGS} (its value order), or -1 for an unknown string. */
export function patternTagIndex(tag: string): number {
  return TAG_INDEX.get(tag) ?? -1;
}

/** Type guard for strings coming from admin-edited data or the database. */
export function isPatternTag(value: string): value is PatternTag {
  return TAG_INDEX.has(value);
}

/** The three families of tags: structural shapes, meaningful groups, digit counts. */
export type TagKind = 'shape' | 'group' | 'digitCount';

/** Which family a tag belongs to. */
export function tagKind(tag: PatternTag): TagKind {
  const index = patternTagIndex(tag);
  if (index < SHAPE_TAGS.length) return 'shape';
  return index < SHAPE_TAGS.length + GROUP_TAGS.length ? 'group' : 'digitCount';
}
