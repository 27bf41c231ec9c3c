import { EMPTY_FILTERS, type SearchFilters } from './search-filters';
import { highlightSegments, matchingDigits } from './highlight';

// The hit digits written as a string: `^` under a hit, `.` under the rest.
const marks = (digits: string, filters: Partial<SearchFilters>) =>
  matchingDigits(digits, { ...EMPTY_FILTERS, ...filters })
    .map((hit) => (hit ? '^' : '.'))
    .join('');

describe('matchingDigits', () => {
  it.each<[string, Partial<SearchFilters>, string]>([
    ['4008208888', {}, '..........'],
    ['4008208888', { startsWith: '820' }, '^^^^^^....'],
    ['4008208888', { startsWith: '400820' }, '^^^^^^....'],
    ['4008208888', { startsWith: '401' }, '..........'],
    ['4008208888', { endsWith: '8888' }, '......^^^^'],
    ['4008208888', { contains: '88' }, '......^^^^'],
    ['4000521314', { contains: '1314' }, '......^^^^'],
    // contains looks after 400 only
    ['4000400123', { contains: '400' }, '....^^^...'],
    ['4007775683', { word: 'LOVE' }, '......^^^^'],
    ['4008126666', { mask: '4008??6666' }, '^^^^..^^^^'],
    ['4009292888', { mask: '400-9xx-x888' }, '^^^^...^^^'],
    ['4000521314', { mask: '*1314' }, '......^^^^'],
    ['4001237788', { pattern: 'AABB', patternPosition: 'tail' }, '......^^^^'],
    ['4001237788', { pattern: 'AABB', patternPosition: 'middle' }, '..........'],
    ['4009292888', { pattern: 'ABAB', patternPosition: 'any' }, '...^^^^...'],
    ['4008208888', { startsWith: '8', endsWith: '88' }, '^^^^....^^'],
  ])('%s %j → %s', (digits, filters, expected) => expect(marks(digits, filters)).toBe(expected));

  it('ignores a number it cannot classify', () => {
    expect(marks('12345', { pattern: 'AAA' })).toBe('.....');
  });
});

describe('highlightSegments', () => {
  it('groups hit digits, keeping separators inside a hit run', () => {
    const hits = matchingDigits('4006888888', { ...EMPTY_FILTERS, endsWith: '888888' });
    expect(highlightSegments('400-688-8888', hits)).toEqual([
      { text: '400-6', hit: false },
      { text: '88-8888', hit: true },
    ]);
  });

  it('leaves a separator between a hit and a plain digit plain', () => {
    const hits = matchingDigits('4008208888', { ...EMPTY_FILTERS, startsWith: '820' });
    expect(highlightSegments('400-820-8888', hits)).toEqual([
      { text: '400-820', hit: true },
      { text: '-8888', hit: false },
    ]);
  });
});
