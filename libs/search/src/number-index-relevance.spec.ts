import { appraise, decodeCursor, relevanceScore, type NumberQuery } from '@haoma/domain';
import type { IndexRow } from './index-row';
import { NumberIndex } from './number-index';
import { q } from './number-index.fixture.spec-helper';
import { referenceSearch } from './search-reference.spec-helper';
import { SEARCH_PLANS, type SearchPlan } from './segment-search';

// Four thousand numbers, graded by appraise, one in seven held: enough rows for the scan to
// skip whole words whose best score cannot make the page, and for matches to spread over
// every grade. Deterministic, so a failure reads without shrinking.
const ROWS: IndexRow[] = Array.from({ length: 4_000 }, (_, i) => {
  const number = `400${['0', '1', '6', '8', '9'][i % 5]}${String((i * 7_919) % 1_000_000).padStart(6, '0')}`;
  const a = appraise(number);
  return { number, grade: a.grade, tags: a.tags, selectionFeeFen: a.selectionFeeFen, available: i % 7 !== 3 };
});

function walk(index: NumberIndex, query: NumberQuery, plan: SearchPlan): string[] {
  const listed: string[] = [];
  let cursor: string | undefined;
  do {
    const page = index.search(cursor === undefined ? query : { ...query, cursor }, { plan });
    listed.push(...page.items.map((item) => item.number));
    const last = page.items.at(-1);
    if (page.nextCursor !== undefined && last !== undefined) {
      const key = decodeCursor(page.nextCursor, 'relevance');
      expect(key.ok && key.key.score).toBe(relevanceScore(query, last));
    }
    cursor = page.nextCursor;
  } while (cursor !== undefined && listed.length < 5_000);
  return listed;
}

describe('NumberIndex: relevance on four thousand numbers, against the reference', () => {
  const index = NumberIndex.build(ROWS);

  it.each<[string, Partial<NumberQuery>]>([
    ['contains 8', { contains: '8' }],
    ['contains 88', { contains: '88' }],
    ['contains 1, fee bounds', { contains: '1', minFeeFen: 1, maxFeeFen: 3_000_000 }],
    ['word TV', { word: 'TV' }],
    ['mask *8*8', { mask: '*8*8' }],
    ['mask 400*9*', { mask: '400*9*' }],
    ['lucky', { lucky: true }],
    ['pattern any:AAA', { patterns: [{ tag: 'AAA', position: 'any' }] }],
    ['lucky and contains 6 in two blocks', { lucky: true, contains: '6', blocks: ['4006', '4008'] }],
    ['startsWith and contains 0', { startsWith: '4000', contains: '0' }],
    ['endsWith only: the same score for all', { endsWith: '8' }],
  ])('%s, every page, every plan', (_, filters) => {
    const expected = referenceSearch(ROWS, q({ ...filters, sort: 'relevance' })).map((row) => row.number);
    expect(expected.length).toBeGreaterThan(20);
    for (const limit of [1, 7, 100]) {
      const query = q({ ...filters, sort: 'relevance', limit });
      // Forcing an enumeration of millions of windows is right but slow (see the property spec).
      const cheap = (index.explain(query).candidates ?? Infinity) <= 200_000;
      const plans: SearchPlan[] =
        limit === 1 ? ['auto'] : SEARCH_PLANS.filter((plan) => cheap || plan !== 'enumerate');
      for (const plan of plans)
        expect({ limit, plan, numbers: walk(index, query, plan) }).toEqual({
          limit,
          plan,
          numbers: expected,
        });
    }
  });
});
