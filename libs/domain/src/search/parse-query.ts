import { BLOCKS, type BlockInfo } from '../numbers/blocks';
import { decodeCursor } from './cursor';
import {
  DEFAULT_NUMBER_SORT,
  DEFAULT_SEARCH_LIMIT,
  MAX_SEARCH_LIMIT,
  NUMBER_SORTS,
  type NumberQuery,
  type NumberSort,
  type RawNumberQuery,
} from './number-query';
import { checkContradictions } from './query-contradictions';
import type { QueryError } from './query-errors';
import {
  FieldErrors,
  readBlocks,
  readBoolean,
  readCarriers,
  readContains,
  readEndsWith,
  readExcludeDigits,
  readFee,
  readGrades,
  readInteger,
  readMask,
  readPatterns,
  readStartsWith,
  readWord,
} from './query-fields';
import { collectParameters, type ParameterValues, type SearchParameter } from './query-parameters';

/** Result of {@link parseNumberQuery}: the normalised query, or every problem found. */
export type NumberQueryResult =
  | { readonly ok: true; readonly query: NumberQuery }
  | { readonly ok: false; readonly errors: readonly QueryError[] };

/** Data the parser checks against. */
export interface ParseNumberQueryOptions {
  /** Block → carrier table (data); defaults to `BLOCKS`. */
  readonly blocks?: readonly BlockInfo[];
  /** Most readings a mask may have (default `MAX_MASK_EXPANSIONS`). */
  readonly maxMaskExpansions?: number;
}

// Absent filters are left out rather than set to undefined, so queries compare and log cleanly.
const withoutUndefined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

function readSort(params: Map<SearchParameter, ParameterValues>, errors: FieldErrors): NumberSort {
  const given = params.get('sort');
  const value = given?.values[0];
  if (given === undefined || value === undefined) return DEFAULT_NUMBER_SORT;
  const sort = NUMBER_SORTS.find((s) => s === value.toLowerCase());
  if (sort !== undefined) return sort;
  errors.add(given.name, 'UNKNOWN_SORT', `${value} is not one of ${NUMBER_SORTS.join(', ')}.`);
  return DEFAULT_NUMBER_SORT;
}

/**
 * Validates and normalises the query string of a number search (see `SEARCH_PARAMETERS`
 * for the names). Every parameter is checked; when all are valid on their own, filters
 * that contradict each other are reported too (`QUERY_ERROR_CODES`). Total: returns an
 * error for any input and never throws.
 */
export function parseNumberQuery(
  raw: RawNumberQuery,
  options: ParseNumberQueryOptions = {},
): NumberQueryResult {
  const blocks = options.blocks ?? BLOCKS;
  const errors = new FieldErrors();
  const params = collectParameters(raw, errors.list);
  const name = (parameter: SearchParameter): string => params.get(parameter)?.name ?? parameter;
  const one = (parameter: SearchParameter): string | undefined => params.get(parameter)?.values[0];
  const list = (parameter: SearchParameter): readonly string[] | undefined => params.get(parameter)?.values;
  const read = <T>(
    parameter: SearchParameter,
    reader: (field: string, value: string) => T,
  ): T | undefined => {
    const value = one(parameter);
    return value === undefined ? undefined : reader(name(parameter), value);
  };
  const readList = <T>(
    parameter: SearchParameter,
    reader: (field: string, values: readonly string[]) => T,
  ) => {
    const values = list(parameter);
    return values === undefined ? undefined : reader(name(parameter), values);
  };

  const sort = readSort(params, errors);
  const query: NumberQuery = {
    blocks: readList('block', (f, v) => readBlocks(f, v, blocks, errors)),
    carriers: readList('carrier', (f, v) => readCarriers(f, v, errors)),
    startsWith: read('startsWith', (f, v) => readStartsWith(f, v, blocks, errors)),
    endsWith: read('endsWith', (f, v) => readEndsWith(f, v, blocks, errors)),
    contains: read('contains', (f, v) => readContains(f, v, errors)),
    mask: read('mask', (f, v) => readMask(f, v, errors, options.maxMaskExpansions)),
    patterns: readList('pattern', (f, v) => readPatterns(f, v, errors)),
    grades: readList('grade', (f, v) => readGrades(f, v, errors)),
    minFeeFen: read('minFee', (f, v) => readFee(f, v, errors)),
    maxFeeFen: read('maxFee', (f, v) => readFee(f, v, errors)),
    excludeDigits: read('excludeDigits', (f, v) => readExcludeDigits(f, v, errors)),
    lucky: read('lucky', (f, v) => readBoolean(f, v, errors)) || undefined,
    word: read('word', (f, v) => readWord(f, v, errors)),
    sort,
    limit: read('limit', (f, v) => readInteger(f, v, 1, MAX_SEARCH_LIMIT, errors)) ?? DEFAULT_SEARCH_LIMIT,
    cursor: one('cursor'),
  };
  if (query.cursor !== undefined) {
    const cursor = decodeCursor(query.cursor, sort);
    if (!cursor.ok) errors.add(name('cursor'), cursor.code, cursor.message);
  }
  if (errors.list.length === 0) checkContradictions(query, blocks, name, errors);
  if (errors.list.length > 0) return { ok: false, errors: errors.list };
  return { ok: true, query: withoutUndefined(query) };
}
