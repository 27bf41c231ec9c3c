import fc from 'fast-check';
import {
  CARRIER_CODES,
  GRADE_CODES,
  NUMBER_SORTS,
  PATTERN_FILTER_POSITIONS,
  PATTERN_TAGS,
} from '@haoma/domain';
import {
  EMPTY_FILTERS,
  filtersFromQuery,
  filtersToQuery,
  sameSearch,
  suggestionQuery,
  type SearchFilters,
} from './search-filters';

const from = (query: string) => filtersFromQuery(new URLSearchParams(query));

describe('filters from the URL', () => {
  it('reads an empty URL as the empty form', () => expect(from('')).toEqual(EMPTY_FILTERS));

  it.each<[string, Partial<SearchFilters>]>([
    ['startsWith=4008', { startsWith: '4008' }],
    ['endsWith=%208888%20', { endsWith: '8888' }],
    ['contains=520&mask=400*88*8888', { contains: '520', mask: '400*88*8888' }],
    ['pattern=tail:AABB', { pattern: 'AABB', patternPosition: 'tail' }],
    ['pattern=abab', { pattern: 'ABAB', patternPosition: 'any' }],
    ['pattern=middle:AAA,tail:ABAB', { pattern: 'AAA', patternPosition: 'middle' }],
    ['pattern=somewhere:AABB', {}],
    ['pattern=tail:NOPE', {}],
    ['grade=diamond,gold&grade=nope', { grades: ['gold', 'diamond'] }],
    ['carrier=mobile&carrier=telecom', { carriers: ['telecom', 'mobile'] }],
    ['minFee=50000&maxFee=300000', { minFeeFen: 50000, maxFeeFen: 300000 }],
    ['minFee=12.5&maxFee=-1', {}],
    ['excludeDigits=4&lucky=true&word=LOVE', { excludeDigits: '4', lucky: true, word: 'LOVE' }],
    ['lucky=yes', {}],
    ['sort=grade_desc', { sort: 'grade_desc' }],
    ['sort=cheapest', {}],
  ])('%s', (query, expected) => expect(from(query)).toEqual({ ...EMPTY_FILTERS, ...expected }));
});

describe('filters to the URL', () => {
  it('leaves out what filters nothing', () => {
    expect(filtersToQuery(EMPTY_FILTERS).toString()).toBe('');
    expect(filtersToQuery({ ...EMPTY_FILTERS, startsWith: '  ', sort: 'fee_asc' }).toString()).toBe('');
  });

  it('writes the API parameter names, lists in canonical order', () => {
    const query = filtersToQuery({
      ...EMPTY_FILTERS,
      endsWith: '88',
      pattern: 'AABB',
      patternPosition: 'tail',
      grades: ['diamond', 'gold'],
      carriers: ['mobile', 'telecom'],
      minFeeFen: 0,
      sort: 'relevance',
    });
    expect(query.toString()).toBe(
      'endsWith=88&pattern=tail%3AAABB&grade=gold%2Cdiamond&carrier=telecom%2Cmobile&minFee=0&sort=relevance',
    );
  });

  const text = fc.stringMatching(/^[0-9A-Z*?]{0,8}$/);
  const someOf = <T>(values: readonly T[]) => fc.subarray([...values]);
  const filters: fc.Arbitrary<SearchFilters> = fc.record({
    startsWith: text,
    endsWith: text,
    contains: text,
    mask: text,
    word: text,
    pattern: fc.constantFrom('' as const, ...PATTERN_TAGS),
    patternPosition: fc.constantFrom(...PATTERN_FILTER_POSITIONS),
    grades: someOf(GRADE_CODES),
    carriers: someOf(CARRIER_CODES),
    minFeeFen: fc.option(fc.nat({ max: 1e12 }), { nil: undefined }),
    maxFeeFen: fc.option(fc.nat({ max: 1e12 }), { nil: undefined }),
    excludeDigits: text,
    lucky: fc.boolean(),
    sort: fc.constantFrom(...NUMBER_SORTS),
  });

  it('reads back every form state it writes (the position only matters with a pattern)', () => {
    fc.assert(
      fc.property(filters, (f) => {
        const expected = f.pattern === '' ? { ...f, patternPosition: 'any' } : f;
        expect(filtersFromQuery(filtersToQuery(f))).toEqual(expected);
      }),
    );
  });

  it('gives equal searches equal URLs', () => {
    fc.assert(
      fc.property(filters, (f) => {
        const reread = filtersFromQuery(filtersToQuery(f));
        expect(sameSearch(f, reread)).toBe(true);
        expect(filtersToQuery(reread).toString()).toBe(filtersToQuery(f).toString());
      }),
    );
  });

  it('tells different searches apart', () => {
    expect(sameSearch(EMPTY_FILTERS, { ...EMPTY_FILTERS, endsWith: '8' })).toBe(false);
    expect(sameSearch(EMPTY_FILTERS, { ...EMPTY_FILTERS, endsWith: ' ' })).toBe(true);
  });
});

describe('what to ask for suggestions', () => {
  it.each<[Partial<SearchFilters>, string | undefined]>([
    [{}, undefined],
    [{ endsWith: '8888', contains: '520' }, '8888'],
    [{ contains: '5-20' }, '520'],
    [{ word: 'love' }, 'love'],
    [{ startsWith: '4008208' }, '8208'],
    [{ startsWith: '400-820-8888' }, '4008208888'],
    [{ mask: '400*8888', pattern: 'AABB' }, undefined],
    [{ endsWith: '12345678' }, undefined],
  ])('%j → %s', (filters, q) => expect(suggestionQuery({ ...EMPTY_FILTERS, ...filters })).toBe(q));
});
