import type { Carrier } from '../numbers/blocks';
import type { GradeCode } from '../numbers/grading';
import { GROUP_TAGS, type PatternTag } from '../numbers/pattern-tags';

/**
 * Result orders of a number search. Every order ends on the number, so it is total.
 * `relevance` puts the best answers to the query's text filters first (`relevanceScore`).
 */
export const NUMBER_SORTS = ['fee_asc', 'fee_desc', 'grade_desc', 'relevance'] as const;
export type NumberSort = (typeof NUMBER_SORTS)[number];

/** The order used when a request names none: cheapest first, as a price list reads. */
export const DEFAULT_NUMBER_SORT: NumberSort = 'fee_asc';

export const DEFAULT_SEARCH_LIMIT = 20;
export const MAX_SEARCH_LIMIT = 100;

/** Where a searched pattern must sit; `any` accepts both `tail` and `middle`. */
export const PATTERN_FILTER_POSITIONS = ['tail', 'middle', 'any'] as const;
export type PatternFilterPosition = (typeof PATTERN_FILTER_POSITIONS)[number];

/** One pattern the number must have, e.g. `{ tag: 'AABB', position: 'tail' }` for `tail:AABB`. */
export interface PatternFilter {
  readonly tag: PatternTag;
  readonly position: PatternFilterPosition;
}

/** Digit-count tags that make a number "lucky" (three or more 8s, 6s or 9s). */
export const LUCKY_DIGIT_TAGS = ['LUCKY8', 'LUCKY6', 'LUCKY9'] as const;

/** Tags that satisfy `lucky`: a lucky digit count or any meaningful group (520, 1314, 888…). */
export const LUCKY_TAGS: readonly PatternTag[] = [...LUCKY_DIGIT_TAGS, ...GROUP_TAGS];

/**
 * A validated, normalised number search (see `parseNumberQuery`). Every filter present
 * must hold; "the window" is the 7 digits after `400` (the block's fourth digit included),
 * where customers look for patterns. Only available numbers are ever returned.
 */
export interface NumberQuery {
  /** 4-digit blocks (`4008`), sorted, distinct. */
  readonly blocks?: readonly string[];
  /** Carriers whose blocks are wanted, in `CARRIER_CODES` order. */
  readonly carriers?: readonly Carrier[];
  /** A prefix of the full number; always begins with `400` and is 4–10 digits long. */
  readonly startsWith?: string;
  /** A suffix of the number, 1–7 digits (longer input is checked against `400` and cut). */
  readonly endsWith?: string;
  /** Digits that occur consecutively in the window, 1–7 of them. */
  readonly contains?: string;
  /**
   * A glob over the whole 10-digit number: `?` one digit, `*` any run of digits (possibly
   * empty). ASCII digits, `?` and `*` only, no two `*` in a row.
   */
  readonly mask?: string;
  /** Patterns that must all be present, sorted, distinct. */
  readonly patterns?: readonly PatternFilter[];
  /** Grades, in `GRADE_CODES` order. */
  readonly grades?: readonly GradeCode[];
  /** Inclusive bounds on the selection fee, in fen. */
  readonly minFeeFen?: number;
  readonly maxFeeFen?: number;
  /** Distinct digits, ascending, none of which may occur in the window. */
  readonly excludeDigits?: string;
  /** Only numbers with one of `LUCKY_TAGS` (at any position). `false` is normalised away. */
  readonly lucky?: boolean;
  /** Keypad letters (and digits) whose `wordToDigits` must occur in the window, upper-cased. */
  readonly word?: string;
  readonly sort: NumberSort;
  /** 1…`MAX_SEARCH_LIMIT`. */
  readonly limit: number;
  /** Opaque position from the previous page (`encodeCursor`), bound to `sort`. */
  readonly cursor?: string;
}

/** Query-string values as HTTP frameworks hand them over (repeated keys become arrays). */
export type RawNumberQuery = Readonly<Record<string, string | readonly string[] | undefined>>;
