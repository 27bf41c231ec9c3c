/**
 * Why a number search was refused. The first group is about one parameter on its own, the
 * second about parameters that contradict each other (each would be fine alone, together
 * no number can match). Codes are stable: clients and the HTTP layer switch on them.
 */
export const QUERY_ERROR_CODES = [
  'UNKNOWN_PARAMETER',
  'DUPLICATE_PARAMETER',
  'INVALID_DIGITS',
  'TOO_LONG',
  'UNKNOWN_BLOCK',
  'UNKNOWN_CARRIER',
  'UNKNOWN_GRADE',
  'INVALID_PATTERN',
  'UNKNOWN_PATTERN',
  'INVALID_INTEGER',
  'OUT_OF_RANGE',
  'INVALID_BOOLEAN',
  'INVALID_WORD',
  'UNKNOWN_SORT',
  'INVALID_MASK',
  'MASK_TOO_SHORT',
  'MASK_TOO_LONG',
  'MASK_TOO_BROAD',
  'INVALID_CURSOR',
  // Contradictions.
  'NOT_400',
  'BLOCKS_CONFLICT_CARRIERS',
  'NO_MATCHING_BLOCK',
  'MASK_CONFLICTS_STARTS_WITH',
  'MASK_CONFLICTS_ENDS_WITH',
  'STARTS_WITH_CONFLICTS_ENDS_WITH',
  'FEE_RANGE_EMPTY',
  'EXCLUDED_DIGIT_REQUIRED',
] as const;
export type QueryErrorCode = (typeof QUERY_ERROR_CODES)[number];

/** One problem with a search request: the parameter as the client named it, a code, English text. */
export interface QueryError {
  readonly field: string;
  readonly code: QueryErrorCode;
  readonly message: string;
}
