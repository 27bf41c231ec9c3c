import { isCanonicalNumber } from '../numbers/parse';
import { DEFAULT_GRADING_RULES, type GradeCode, type GradingRules } from '../numbers/grading';
import { NUMBER_SORTS, type NumberSort } from './number-query';

/**
 * Where a number sits in every search order: its fee, its grade's rank (from the grading
 * rules; higher = more valuable), the number itself, which makes each order total, and for
 * `relevance` its `relevanceScore` for the query.
 */
export interface SortKey {
  readonly feeFen: number;
  readonly gradeRank: number;
  readonly number: string;
  /** Only `relevance` reads it (absent counts as 0) and only its cursors carry it. */
  readonly score?: number;
}

const byNumber = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Compares two keys in a search order: `fee_asc` is (fee, number) ascending, `fee_desc`
 * its exact reverse, `grade_desc` rank descending, then fee and number ascending (the
 * cheapest of the best first), `relevance` score descending, then as `grade_desc`.
 * Negative when `a` comes first.
 */
export function compareSortKeys(sort: NumberSort, a: SortKey, b: SortKey): number {
  switch (sort) {
    case 'fee_asc':
      return a.feeFen - b.feeFen || byNumber(a.number, b.number);
    case 'fee_desc':
      return b.feeFen - a.feeFen || byNumber(b.number, a.number);
    case 'grade_desc':
      return b.gradeRank - a.gradeRank || a.feeFen - b.feeFen || byNumber(a.number, b.number);
    case 'relevance':
      return (b.score ?? 0) - (a.score ?? 0) || compareSortKeys('grade_desc', a, b);
  }
}

/** Each grade's rank under `rules`; grades the rules do not define are absent. */
export function gradeRanks(rules: GradingRules = DEFAULT_GRADING_RULES): ReadonlyMap<GradeCode, number> {
  return new Map(rules.grades.map((grade) => [grade.code, grade.rank]));
}

/** A decoded cursor, or why it was refused. */
export type CursorResult =
  | { readonly ok: true; readonly key: SortKey }
  | { readonly ok: false; readonly code: 'INVALID_CURSOR'; readonly message: string };

const VERSION = 'c1';
const MAX_CURSOR_LENGTH = 200;
const INTEGER = /^-?(0|[1-9][0-9]{0,15})$/;

// FNV-1a, 32 bits: not a secret, only there so that an edited or truncated cursor is
// refused rather than silently starting the page somewhere else.
function checksum(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

const toBase64Url = (text: string): string =>
  btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

function fromBase64Url(token: string): string | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(token) || token.length % 4 === 1) return undefined;
  const padded = token.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (token.length % 4)) % 4);
  try {
    return atob(padded);
  } catch {
    return undefined;
  }
}

// The fields of a cursor after version and sort: `relevance` also carries the score, the
// other sorts keep the layout they always had, so their cursors stay valid.
const fieldsOf = (sort: NumberSort, key: SortKey): (string | number)[] =>
  sort === 'relevance'
    ? [key.feeFen, key.gradeRank, key.number, key.score ?? 0]
    : [key.feeFen, key.gradeRank, key.number];

/**
 * The opaque cursor for "after this row" in `sort`: base64url of the sort, the row's
 * fee, grade rank and number (and for `relevance` its score), and a checksum.
 */
export function encodeCursor(sort: NumberSort, key: SortKey): string {
  const payload = [VERSION, sort, ...fieldsOf(sort, key)].join('.');
  return toBase64Url(`${payload}.${checksum(payload)}`);
}

const invalid = (message: string): CursorResult => ({ ok: false, code: 'INVALID_CURSOR', message });

const isSort = (text: string | undefined): text is NumberSort =>
  (NUMBER_SORTS as readonly (string | undefined)[]).includes(text);

/**
 * Reads a cursor made by {@link encodeCursor} for the same `sort`. Anything else — garbage,
 * an edited cursor, one from another sort — is `INVALID_CURSOR`; never throws.
 */
export function decodeCursor(cursor: string, sort: NumberSort): CursorResult {
  const text = cursor.length <= MAX_CURSOR_LENGTH ? fromBase64Url(cursor) : undefined;
  const parts = text?.split('.') ?? [];
  const [version, cursorSort, fee, rank, number, score] = parts;
  const fields = cursorSort === 'relevance' ? 4 : 3;
  if (
    text === undefined ||
    parts.length !== 3 + fields ||
    version !== VERSION ||
    parts.at(-1) !== checksum(parts.slice(0, -1).join('.'))
  ) {
    return invalid('The cursor is not one this API handed out; start again from the first page.');
  }
  if (cursorSort !== sort || !isSort(cursorSort)) {
    return invalid(`The cursor belongs to sort ${cursorSort}, not ${sort}; start again from the first page.`);
  }
  const feeFen = Number(fee);
  const gradeRank = Number(rank);
  const points = Number(score);
  if (
    !INTEGER.test(fee ?? '') ||
    feeFen < 0 ||
    !INTEGER.test(rank ?? '') ||
    !isCanonicalNumber(number ?? '') ||
    (sort === 'relevance' && (!INTEGER.test(score ?? '') || points < 0))
  ) {
    return invalid('The cursor is damaged; start again from the first page.');
  }
  const key: SortKey = { feeFen, gradeRank, number: number ?? '' };
  return { ok: true, key: sort === 'relevance' ? { ...key, score: points } : key };
}
