import fc from 'fast-check';
import { decodeCursor, relevanceScore, type NumberQuery } from '@haoma/domain';
import type { IndexRow } from './index-row';
import { NumberIndex } from './number-index';
import { inventoryArb, queryArb, relevanceQueryArb, rowArb } from './search-arbitraries.spec-helper';
import { referenceMatches, referenceSearch } from './search-reference.spec-helper';
import { SEARCH_PLANS, type SearchPlan } from './segment-search';

// Follows nextCursor to the end; `between` runs after each page (holds, releases…).
function allPages(
  index: NumberIndex,
  query: NumberQuery,
  plan: SearchPlan,
  between?: () => void,
): string[][] {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const { items, nextCursor } = index.search(cursor === undefined ? query : { ...query, cursor }, { plan });
    expect(items.length).toBeLessThanOrEqual(query.limit);
    if (nextCursor !== undefined) expect(items).toHaveLength(query.limit);
    pages.push(items.map((item) => item.number));
    const last = items.at(-1);
    if (query.sort === 'relevance' && nextCursor !== undefined && last !== undefined) {
      // The cursor carries the last row's score, as the domain computes it.
      const decoded = decodeCursor(nextCursor, 'relevance');
      expect(decoded.ok && decoded.key.score).toBe(relevanceScore(query, last));
    }
    cursor = nextCursor;
    between?.();
    if (pages.length > 2000) throw new Error('paging does not end');
  } while (cursor !== undefined);
  return pages;
}

const numbersOf = (rows: readonly IndexRow[]): string[] => rows.map((row) => row.number);

// Forcing an enumeration of millions of windows (contains of one digit) is correct but
// slow; the planner never does it, so the forced path is compared where it is sane.
const plansFor = (index: NumberIndex, query: NumberQuery): SearchPlan[] =>
  (index.explain(query).candidates ?? Infinity) <= 200_000 ? [...SEARCH_PLANS] : ['auto', 'scan'];

describe.each([
  ['any query', queryArb],
  ['relevance with text filters', relevanceQueryArb],
])('NumberIndex against the brute-force reference: %s', (_, queryArb) => {
  it('pages through exactly the reference result, on every plan', () => {
    fc.assert(
      fc.property(inventoryArb(150), queryArb, (rows, query) => {
        const index = NumberIndex.build(rows);
        const expected = numbersOf(referenceSearch(rows, query));
        for (const plan of plansFor(index, query)) {
          expect({ plan, numbers: allPages(index, query, plan).flat() }).toEqual({ plan, numbers: expected });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('pages the same with the dense lookup and any planner settings', () => {
    const plannerArb = fc.record({
      enumerateAtOnce: fc.constantFrom(0, 1_024, 1_000_000),
      wordsPerCandidate: fc.constantFrom(0, 0.0001, 0.01, 8),
    });
    fc.assert(
      fc.property(inventoryArb(150), queryArb, plannerArb, fc.boolean(), (rows, query, planner, dense) => {
        const index = NumberIndex.build(rows, { planner, denseLookup: dense });
        const expected = numbersOf(referenceSearch(rows, query));
        fc.pre((index.explain(query).candidates ?? Infinity) <= 200_000);
        expect(allPages(index, query, 'auto').flat()).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('returns full rows, available, in the order of their sort keys', () => {
    fc.assert(
      fc.property(inventoryArb(80), queryArb, (rows, query) => {
        const index = NumberIndex.build(rows);
        const { items } = index.search({ ...query, limit: 100 });
        const byNumber = new Map(rows.map((row) => [row.number, row]));
        for (const item of items) {
          const row = byNumber.get(item.number);
          expect(item).toEqual({ ...row, tags: [...(row?.tags ?? [])].sort() });
        }
        expect(items.map((i) => i.number)).toEqual(numbersOf(referenceSearch(rows, query)).slice(0, 100));
      }),
      { numRuns: 150 },
    );
  });

  it('never repeats or skips a number under holds and releases between pages', () => {
    fc.assert(
      fc.property(inventoryArb(150), queryArb, fc.infiniteStream(fc.nat()), (rows, query, picks) => {
        fc.pre(rows.length > 0);
        const index = NumberIndex.build(rows);
        const available = new Map(rows.map((row) => [row.number, row.available]));
        const flipped = new Set<string>();
        const iterator = picks[Symbol.iterator]();
        const flip = (): void => {
          for (let k = 0; k < 3; k++) {
            const row = rows[(iterator.next().value ?? 0) % rows.length] as IndexRow;
            const next = !(available.get(row.number) ?? false);
            index.setAvailable(row.number, next);
            available.set(row.number, next);
            flipped.add(row.number);
          }
        };
        const pages = allPages(index, query, 'auto', flip);
        const seen = pages.flat();
        expect(new Set(seen).size).toBe(seen.length);
        // Rows never touched and matching must all be there, in reference order.
        const untouched = numbersOf(referenceSearch(rows, query)).filter((n) => !flipped.has(n));
        expect(seen.filter((n) => !flipped.has(n))).toEqual(untouched);
        const current = rows.map((row) => ({ ...row, available: available.get(row.number) ?? false }));
        expect(allPages(index, query, 'auto').flat()).toEqual(numbersOf(referenceSearch(current, query)));
      }),
      { numRuns: 200 },
    );
  });

  it('answers like a fresh build after upserts, removals and a rebuild', () => {
    const changeArb = fc.oneof(
      inventoryArb(20).map((rows) => ({ upsert: rows })),
      fc.nat().map((pick) => ({ remove: pick })),
    );
    fc.assert(
      fc.property(
        inventoryArb(100),
        fc.array(changeArb, { maxLength: 6 }),
        queryArb,
        (rows, changes, query) => {
          const index = NumberIndex.build(rows);
          const current = new Map(rows.map((row) => [row.number, row]));
          for (const change of changes) {
            if ('upsert' in change) {
              for (const row of change.upsert) {
                index.upsert(row);
                current.set(row.number, row);
              }
            } else if (current.size > 0) {
              const number = [...current.keys()][change.remove % current.size] as string;
              expect(index.remove(number)).toBe(true);
              current.delete(number);
            }
            index.search(query); // interleave so the pending segment is rebuilt between changes
          }
          const now = [...current.values()];
          expect(index.size).toBe(now.length);
          expect(index.availableCount).toBe(now.filter((row) => row.available).length);
          const expected = numbersOf(referenceSearch(now, query));
          for (const plan of plansFor(index, query))
            expect(allPages(index, query, plan).flat()).toEqual(expected);
          const rebuilt = index.rebuild();
          expect(rebuilt.pendingCount).toBe(0);
          expect(allPages(rebuilt, query, 'auto').flat()).toEqual(expected);
          for (const row of now)
            expect(index.get(row.number)).toEqual({ ...row, tags: [...row.tags].sort() });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('keeps a reference row matching exactly when the index returns it', () => {
    fc.assert(
      fc.property(inventoryArb(60), queryArb, (rows, query) => {
        const index = NumberIndex.build(rows);
        const found = new Set(allPages(index, query, 'scan').flat());
        for (const row of rows) expect(found.has(row.number)).toBe(referenceMatches(row, query));
      }),
      { numRuns: 100 },
    );
  });

  it('accepts rows in any order', () => {
    fc.assert(
      fc.property(inventoryArb(60), queryArb, fc.nat(), (rows, query, seed) => {
        const shuffled = [...rows].sort(
          (a, b) => ((a.number.charCodeAt(9) * seed) % 7) - ((b.number.charCodeAt(9) * seed) % 7),
        );
        expect(allPages(NumberIndex.build(shuffled), query, 'auto')).toEqual(
          allPages(NumberIndex.build(rows), query, 'auto'),
        );
      }),
      { numRuns: 50 },
    );
  });
});

// Keeps rowArb exercised on its own: a single row is found by its own number.
describe('NumberIndex.get', () => {
  it('finds each row as built', () => {
    fc.assert(
      fc.property(rowArb('4008881234'), (row) => {
        expect(NumberIndex.build([row]).get(row.number)).toEqual({ ...row, tags: [...row.tags].sort() });
      }),
    );
  });
});
