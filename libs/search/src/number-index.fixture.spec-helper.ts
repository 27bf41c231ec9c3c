// A small inventory whose every search result is worked out by hand in the table tests.
import { appraise, type NumberQuery } from '@haoma/domain';
import type { IndexRow } from './index-row';
import type { NumberIndex } from './number-index';

const HELD = new Set(['4007168168']);

/** Grades and fees as `appraise` gives them (see the comment beside each). */
export const FIXTURE_ROWS: readonly IndexRow[] = [
  '4008888888', // diamond 20,000,000: tail AAAAA+, G888, LUCKY8
  '4000111222', // platinum 3,000,000: tail AAABBB
  '4001520520', // platinum: middle G520, tail ABCABC, tail G520
  '4007168168', // platinum, held: middle G168, tail ABCABC, tail G168
  '4000271111', // gold 500,000: tail AAAA
  '4009292888', // gold: middle ABAB, tail AAA, G888, LUCKY8
  '4006663333', // gold: middle AAABBB, middle LUCKY6, tail AAAA
  '4000357123', // silver 80,000: tail ABC
  '4008813140', // silver: middle G1314
  '4000887322', // standard 0: no tags
  '4006123456', // standard: middle HAS4, tail ABCDE+
  '4009751364', // standard: tail HAS4
].map((number) => {
  const a = appraise(number);
  return {
    number,
    grade: a.grade,
    tags: a.tags,
    selectionFeeFen: a.selectionFeeFen,
    available: !HELD.has(number),
  };
});

/** Every available fixture number, cheapest first (fee, then number). */
export const BY_FEE = [
  '4000887322',
  '4006123456',
  '4009751364',
  '4000357123',
  '4008813140',
  '4000271111',
  '4006663333',
  '4009292888',
  '4000111222',
  '4001520520',
  '4008888888',
];

/** A query with the defaults the parser fills in. */
export const q = (filters: Partial<NumberQuery>): NumberQuery => ({ sort: 'fee_asc', limit: 20, ...filters });

/** The numbers of one page. */
export const numbers = (index: NumberIndex, query: NumberQuery): string[] =>
  index.search(query).items.map((item) => item.number);
