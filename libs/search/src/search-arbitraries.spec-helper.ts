// fast-check generators shared by the index's property tests: small inventories whose
// digits repeat enough for patterns and filters to hit, and queries over every filter.
import {
  BLOCKS,
  CARRIER_CODES,
  GRADE_CODES,
  NUMBER_SORTS,
  PATTERN_FILTER_POSITIONS,
  PATTERN_TAGS,
  appraise,
  tryExpandMask,
  type NumberQuery,
} from '@haoma/domain';
import fc from 'fast-check';
import type { IndexRow } from './index-row';

/** The table's blocks plus one it does not list, whose numbers only unfiltered searches find. */
export const INVENTORY_BLOCKS = [...BLOCKS.map((b) => b.block), '4005'];
const ALPHABETS = ['0123456789', '1689', '0148', '89'];
const FEES = [0, 100, 80_000, 500_000, 3_000_000];

const numberArb = fc
  .tuple(
    fc.constantFrom(...INVENTORY_BLOCKS),
    fc.constantFrom(...ALPHABETS),
    fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
  )
  .map(([block, alphabet, picks]) => block + picks.map((p) => alphabet[p % alphabet.length]).join(''));

/** A graded row; sometimes with another grade or fee than `appraise` gives, so they vary independently. */
export const rowArb = (number: string): fc.Arbitrary<IndexRow> =>
  fc
    .record({
      available: fc.boolean(),
      regrade: fc.option(
        fc.record({ grade: fc.constantFrom(...GRADE_CODES), fee: fc.constantFrom(...FEES) }),
        { freq: 3 },
      ),
    })
    .map(({ available, regrade }) => {
      const a = appraise(number);
      return {
        number,
        grade: regrade?.grade ?? a.grade,
        tags: a.tags,
        selectionFeeFen: regrade?.fee ?? a.selectionFeeFen,
        available,
      };
    });

export const inventoryArb = (maxLength: number): fc.Arbitrary<IndexRow[]> =>
  fc
    .uniqueArray(numberArb, { minLength: Math.floor(maxLength / 3), maxLength })
    .chain((numbers) => fc.tuple(...numbers.map(rowArb)));

const someDigits = (min: number, max: number) =>
  fc
    .tuple(fc.constantFrom(...ALPHABETS), fc.array(fc.nat(), { minLength: min, maxLength: max }))
    .map(([alphabet, picks]) => picks.map((p) => alphabet[p % alphabet.length]).join(''));

const maskArb = fc
  .array(fc.oneof(fc.constantFrom('?', '*', '400', '4008', '88', '1'), someDigits(1, 2)), {
    minLength: 1,
    maxLength: 6,
  })
  .map((parts) => parts.join(''))
  .filter((mask) => !mask.includes('**') && tryExpandMask(mask).ok);

/** Values for every filter; a query uses a few of them. */
const filtersArb = fc.record({
  blocks: fc.subarray(INVENTORY_BLOCKS, { minLength: 1 }).map((b) => [...b].sort()),
  carriers: fc.subarray([...CARRIER_CODES], { minLength: 1 }),
  startsWith: fc.oneof(
    fc.constantFrom(...INVENTORY_BLOCKS),
    someDigits(1, 3).map((d) => `4008${d}`),
  ),
  endsWith: someDigits(1, 5),
  contains: someDigits(1, 5),
  mask: maskArb,
  patterns: fc.uniqueArray(
    fc.record({
      tag: fc.constantFrom(...PATTERN_TAGS),
      position: fc.constantFrom(...PATTERN_FILTER_POSITIONS),
    }),
    { minLength: 1, maxLength: 2, selector: (p) => `${p.position}:${p.tag}` },
  ),
  grades: fc.subarray([...GRADE_CODES], { minLength: 1 }),
  minFeeFen: fc.constantFrom(...FEES, 1),
  maxFeeFen: fc.constantFrom(...FEES, 99),
  excludeDigits: fc.subarray([...'0123456789'], { minLength: 1, maxLength: 3 }).map((d) => d.sort().join('')),
  lucky: fc.constant(true),
  word: fc.constantFrom('GO', 'TV', 'TOT', 'W', 'MOM', 'A1', 'TUTU'),
});
const FILTERS: string[] = [
  'blocks',
  'carriers',
  'startsWith',
  'endsWith',
  'contains',
  'mask',
  'patterns',
  'grades',
  'minFeeFen',
  'maxFeeFen',
  'excludeDigits',
  'lucky',
  'word',
];

// The filters `relevance` scores, as the query model names them.
const TEXT_FILTERS = ['startsWith', 'endsWith', 'contains', 'mask', 'patterns', 'lucky', 'word'];

/**
 * Any query the parser could produce, with up to four filters (more rarely match
 * anything in a small inventory); contradictions included: they just find nothing.
 */
export const queryArb: fc.Arbitrary<NumberQuery> = fc
  .record({
    filters: filtersArb,
    chosen: fc.subarray(FILTERS, { maxLength: 4 }),
    sort: fc.constantFrom(...NUMBER_SORTS),
    limit: fc.integer({ min: 1, max: 7 }),
  })
  .map(({ filters, chosen, sort, limit }) => ({
    ...Object.fromEntries(Object.entries(filters).filter(([key]) => chosen.includes(key))),
    sort,
    limit,
  }));

/** Sort `relevance` with one or two text filters (the points vary) and up to two others. */
export const relevanceQueryArb: fc.Arbitrary<NumberQuery> = fc
  .record({
    filters: filtersArb,
    text: fc.subarray(TEXT_FILTERS, { minLength: 1, maxLength: 2 }),
    other: fc.subarray(
      FILTERS.filter((f) => !TEXT_FILTERS.includes(f)),
      { maxLength: 2 },
    ),
    limit: fc.integer({ min: 1, max: 7 }),
  })
  .map(({ filters, text, other, limit }) => ({
    ...Object.fromEntries(Object.entries(filters).filter(([key]) => [...text, ...other].includes(key))),
    sort: 'relevance' as const,
    limit,
  }));
