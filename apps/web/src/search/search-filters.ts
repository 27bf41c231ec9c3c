import {
  CARRIER_CODES,
  DEFAULT_NUMBER_SORT,
  GRADE_CODES,
  NUMBER_SORTS,
  PATTERN_FILTER_POSITIONS,
  PATTERN_TAGS,
  type Carrier,
  type GradeCode,
  type NumberSort,
  type PatternFilterPosition,
  type PatternTag,
} from '@haoma/domain';

/**
 * The storefront's search form. The page URL and the API request use the same query
 * parameters (those of GET /api/v1/numbers), so a search can be bookmarked, shared and
 * reloaded, and the browser's back button walks through earlier searches.
 */
export interface SearchFilters {
  readonly startsWith: string;
  readonly endsWith: string;
  readonly contains: string;
  readonly mask: string;
  readonly word: string;
  /** The one pattern the form offers (the API takes several); '' for none. */
  readonly pattern: PatternTag | '';
  readonly patternPosition: PatternFilterPosition;
  readonly grades: readonly GradeCode[];
  readonly carriers: readonly Carrier[];
  /** Fee bounds in fen (the form shows yuan). */
  readonly minFeeFen: number | undefined;
  readonly maxFeeFen: number | undefined;
  readonly excludeDigits: string;
  readonly lucky: boolean;
  readonly sort: NumberSort;
}

export const EMPTY_FILTERS: SearchFilters = {
  startsWith: '',
  endsWith: '',
  contains: '',
  mask: '',
  word: '',
  pattern: '',
  patternPosition: 'any',
  grades: [],
  carriers: [],
  minFeeFen: undefined,
  maxFeeFen: undefined,
  excludeDigits: '',
  lucky: false,
  sort: DEFAULT_NUMBER_SORT,
};

const TEXT_FIELDS = ['startsWith', 'endsWith', 'contains', 'mask', 'word', 'excludeDigits'] as const;
// Longest text kept from a URL: the API reads at most 200 characters of a parameter.
const MAX_TEXT = 200;

const oneOf = <T extends string>(allowed: readonly T[], value: string | null): T | undefined =>
  (allowed as readonly string[]).includes(value ?? '') ? (value as T) : undefined;

// Lists may repeat the key or use commas, as the API accepts; kept in the canonical order
// so that equal searches have equal URLs.
function listOf<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[]): T[] {
  const given = new Set(params.getAll(name).flatMap((v) => v.split(',').map((s) => s.trim())));
  return allowed.filter((code) => given.has(code));
}

function feeOf(value: string | null): number | undefined {
  if (value === null || !/^\d{1,13}$/.test(value.trim())) return undefined;
  return Number(value.trim());
}

/**
 * The form state a URL describes. Lenient: a value the form cannot show (an unknown grade,
 * a fee that is not a number) is dropped rather than failing the page.
 */
export function filtersFromQuery(params: URLSearchParams): SearchFilters {
  const text = (name: string): string => (params.get(name) ?? '').trim().slice(0, MAX_TEXT);
  let pattern: PatternTag | '' = '';
  let patternPosition: PatternFilterPosition = 'any';
  const [first] = params.getAll('pattern').flatMap((v) => v.split(','));
  if (first !== undefined) {
    const [position, tag] = first.includes(':') ? first.trim().split(':', 2) : ['any', first.trim()];
    const knownTag = oneOf(PATTERN_TAGS, (tag ?? '').toUpperCase());
    const knownPosition = oneOf(PATTERN_FILTER_POSITIONS, position ?? '');
    if (knownTag && knownPosition) [pattern, patternPosition] = [knownTag, knownPosition];
  }
  return {
    startsWith: text('startsWith'),
    endsWith: text('endsWith'),
    contains: text('contains'),
    mask: text('mask'),
    word: text('word'),
    pattern,
    patternPosition,
    grades: listOf(params, 'grade', GRADE_CODES),
    carriers: listOf(params, 'carrier', CARRIER_CODES),
    minFeeFen: feeOf(params.get('minFee')),
    maxFeeFen: feeOf(params.get('maxFee')),
    excludeDigits: text('excludeDigits'),
    lucky: params.get('lucky') === 'true',
    sort: oneOf(NUMBER_SORTS, params.get('sort')) ?? DEFAULT_NUMBER_SORT,
  };
}

/**
 * The query parameters of a search, in a fixed order, leaving out what filters nothing
 * (blank fields, the default sort): the page URL, and with `limit`/`cursor` the API call.
 */
export function filtersToQuery(filters: SearchFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of TEXT_FIELDS) {
    const value = filters[name].trim();
    if (value !== '') params.set(name, value);
  }
  if (filters.pattern !== '') params.set('pattern', `${filters.patternPosition}:${filters.pattern}`);
  if (filters.grades.length > 0)
    params.set('grade', GRADE_CODES.filter((g) => filters.grades.includes(g)).join(','));
  if (filters.carriers.length > 0)
    params.set('carrier', CARRIER_CODES.filter((c) => filters.carriers.includes(c)).join(','));
  if (filters.minFeeFen !== undefined) params.set('minFee', String(filters.minFeeFen));
  if (filters.maxFeeFen !== undefined) params.set('maxFee', String(filters.maxFeeFen));
  if (filters.lucky) params.set('lucky', 'true');
  if (filters.sort !== DEFAULT_NUMBER_SORT) params.set('sort', filters.sort);
  return params;
}

/** Whether two form states ask for the same search (so typing a space does not search again). */
export function sameSearch(a: SearchFilters, b: SearchFilters): boolean {
  return filtersToQuery(a).toString() === filtersToQuery(b).toString();
}

/**
 * What to ask GET /api/v1/numbers/suggest when a search finds nothing: the digits (or
 * keypad word) the customer typed, most telling first; undefined when there is nothing to
 * go on. The endpoint takes a whole 400 number or 1–7 digits or letters.
 */
export function suggestionQuery(filters: SearchFilters): string | undefined {
  const digitsOnly = (v: string) => v.replace(/[\s-]/g, '');
  const startsWith = digitsOnly(filters.startsWith);
  const candidates = [
    digitsOnly(filters.endsWith),
    digitsOnly(filters.contains),
    filters.word.replace(/[^0-9a-z]/gi, ''),
    startsWith.length === 10 ? startsWith : startsWith.replace(/^400/, ''),
  ];
  return candidates.find((c) => /^[0-9a-z]{1,7}$/i.test(c) || /^400\d{7}$/.test(c));
}
