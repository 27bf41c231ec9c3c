import type { QueryError } from './query-errors';
import type { RawNumberQuery } from './number-query';

/**
 * The request parameters of a number search and the names each is accepted under: the
 * singular form of the issue (`block=4008`) and the plural of the query model.
 */
export const SEARCH_PARAMETERS = {
  block: ['block', 'blocks'],
  carrier: ['carrier', 'carriers'],
  startsWith: ['startsWith'],
  endsWith: ['endsWith'],
  contains: ['contains'],
  mask: ['mask'],
  pattern: ['pattern', 'patterns'],
  grade: ['grade', 'grades'],
  minFee: ['minFee', 'minFeeFen'],
  maxFee: ['maxFee', 'maxFeeFen'],
  excludeDigits: ['excludeDigits'],
  lucky: ['lucky'],
  word: ['word'],
  sort: ['sort'],
  limit: ['limit'],
  cursor: ['cursor'],
} as const satisfies Record<string, readonly string[]>;
export type SearchParameter = keyof typeof SEARCH_PARAMETERS;

/** Longest value read for one parameter: hostile input must not cost more than this. */
export const MAX_PARAMETER_LENGTH = 200;

const LIST_PARAMETERS: ReadonlySet<SearchParameter> = new Set(['block', 'carrier', 'pattern', 'grade']);
const NAME_TO_PARAMETER: ReadonlyMap<string, SearchParameter> = new Map(
  (Object.entries(SEARCH_PARAMETERS) as [SearchParameter, readonly string[]][]).flatMap(
    ([parameter, names]) => names.map((name) => [name, parameter] as const),
  ),
);
// Commas as typed on Chinese keyboards too.
const LIST_SEPARATOR = /[,\uff0c\u3001]/;

// Nested objects (e.g. `block[a]=1` in some parsers) are never valid values; reading them as
// text that fails every check keeps the answer a 400 — String() itself may throw on them.
function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return '[object]';
}

/** A parameter's values (trimmed, non-empty) and the name the client sent it under. */
export interface ParameterValues {
  readonly name: string;
  readonly values: readonly string[];
}

/**
 * Groups the raw query by parameter. Lists may repeat the key or use commas; any other
 * parameter given twice (also under two names) is `DUPLICATE_PARAMETER`; empty values
 * count as absent, so a blank form field filters nothing.
 */
export function collectParameters(
  raw: RawNumberQuery,
  errors: QueryError[],
): Map<SearchParameter, ParameterValues> {
  const collected = new Map<SearchParameter, ParameterValues>();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    const parameter = NAME_TO_PARAMETER.get(name);
    if (parameter === undefined) {
      errors.push({ field: name, code: 'UNKNOWN_PARAMETER', message: `${name} is not a search parameter.` });
      continue;
    }
    // Typed as strings, but a lenient query-string parser could hand over anything.
    const given = (Array.isArray(value) ? value : [value]).map(asText);
    const tooLong = given.find((v) => v.length > MAX_PARAMETER_LENGTH);
    if (tooLong !== undefined) {
      errors.push({
        field: name,
        code: 'TOO_LONG',
        message: `${name} is ${tooLong.length} characters long; at most ${MAX_PARAMETER_LENGTH} are read.`,
      });
      continue;
    }
    const pieces = LIST_PARAMETERS.has(parameter) ? given.flatMap((v) => v.split(LIST_SEPARATOR)) : given;
    const values = pieces.map((v) => v.trim()).filter((v) => v !== '');
    if (values.length === 0) continue;
    const previous = collected.get(parameter);
    if (previous && !LIST_PARAMETERS.has(parameter)) {
      errors.push({
        field: name,
        code: 'DUPLICATE_PARAMETER',
        message: `${name} is given more than once (as ${previous.name} and ${name}).`,
      });
      continue;
    }
    if (!LIST_PARAMETERS.has(parameter) && values.length > 1) {
      errors.push({ field: name, code: 'DUPLICATE_PARAMETER', message: `${name} is given more than once.` });
      continue;
    }
    collected.set(parameter, {
      name: previous?.name ?? name,
      values: [...(previous?.values ?? []), ...values],
    });
  }
  return collected;
}
